import { defineApi } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { array, field } from '../schema.js';

interface ListOffsetsRequest {
  topics: { name: string; partitions: { partitionIndex: number; timestamp: bigint }[] }[];
}

const LATEST = -1n;
const EARLIEST = -2n;

export const listOffsetsApi = defineApi({
  key: 2,
  name: 'ListOffsets',
  minVersion: 0,
  maxVersion: 3,
  request: [
    field('replicaId', 'int32'),
    field('isolationLevel', 'int8', '2+'),
    array('topics', [
      field('name', 'string'),
      array('partitions', [field('partitionIndex', 'int32'), field('timestamp', 'int64'), field('maxNumOffsets', 'int32', '0')]),
    ]),
  ],
  response: [
    field('throttleTimeMs', 'int32', '2+'),
    array('topics', [
      field('name', 'string'),
      array('partitions', [
        field('partitionIndex', 'int32'),
        field('errorCode', 'int16'),
        array('oldStyleOffsets', 'int64', '0'),
        field('timestamp', 'int64', '1+'),
        field('offset', 'int64', '1+'),
      ]),
    ]),
  ],
  handle(raw, { broker }) {
    const req = raw as unknown as ListOffsetsRequest;
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          const partition = broker.topics.partition(t.name, p.partitionIndex);
          if (!partition) {
            return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, oldStyleOffsets: [], timestamp: -1n, offset: -1n };
          }
          const log = partition.log;
          let offset = -1n;
          let timestamp = -1n;
          if (p.timestamp === LATEST) offset = BigInt(log.nextOffset);
          else if (p.timestamp === EARLIEST) offset = BigInt(log.logStartOffset);
          else {
            const found = log.offsetForTimestamp(Number(p.timestamp));
            if (found) {
              offset = BigInt(found.offset);
              timestamp = BigInt(found.timestamp);
            }
          }
          return { partitionIndex: p.partitionIndex, errorCode: 0, oldStyleOffsets: offset >= 0n ? [offset] : [], timestamp, offset };
        }),
      })),
    };
  },
});
