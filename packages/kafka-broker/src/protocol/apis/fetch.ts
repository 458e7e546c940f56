import { defineApi } from '../api.js';
import type { RequestContext } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { array, field } from '../schema.js';

interface FetchRequest {
  maxWaitMs: number;
  minBytes: number;
  maxBytes?: number;
  isolationLevel: number;
  topics: { topic: string; partitions: { partition: number; fetchOffset: bigint; partitionMaxBytes: number }[] }[];
}

interface PartitionData {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  lastStableOffset: bigint;
  logStartOffset: bigint;
  abortedTransactions: [];
  preferredReadReplica: number;
  records: Buffer[];
}

interface Evaluation {
  responses: { topic: string; partitions: PartitionData[] }[];
  bytes: number;
  errors: boolean;
}

function evaluate(req: FetchRequest, ctx: RequestContext): Evaluation {
  let remaining = req.maxBytes !== undefined && req.maxBytes > 0 ? req.maxBytes : 0x7fffffff;
  let bytes = 0;
  let errors = false;
  const responses = req.topics.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((p): PartitionData => {
      const partition = ctx.broker.topics.partition(t.topic, p.partition);
      const data: PartitionData = {
        partitionIndex: p.partition,
        errorCode: ErrorCode.NONE,
        highWatermark: -1n,
        lastStableOffset: -1n,
        logStartOffset: -1n,
        abortedTransactions: [],
        preferredReadReplica: -1,
        // Empty, never null: librdkafka rejects a -1 record set size as a parse failure.
        records: [],
      };
      if (!partition) {
        errors = true;
        data.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        return data;
      }
      const log = partition.log;
      const hwm = log.nextOffset;
      data.highWatermark = BigInt(hwm);
      data.lastStableOffset = BigInt(hwm);
      data.logStartOffset = BigInt(log.logStartOffset);
      const offset = Number(p.fetchOffset);
      if (offset < log.logStartOffset || offset > hwm) {
        errors = true;
        data.errorCode = ErrorCode.OFFSET_OUT_OF_RANGE;
        return data;
      }
      // KIP-74: the first batch of the response is returned whole even if it exceeds the limits.
      const read = log.read(offset, Math.min(p.partitionMaxBytes, remaining), bytes === 0);
      if (read.bytes > 0) {
        data.records = read.chunks;
        bytes += read.bytes;
        remaining = Math.max(0, remaining - read.bytes);
      }
      return data;
    }),
  }));
  return { responses, bytes, errors };
}

export const fetchApi = defineApi({
  key: 1,
  name: 'Fetch',
  minVersion: 4,
  maxVersion: 11,
  request: [
    field('replicaId', 'int32'),
    field('maxWaitMs', 'int32'),
    field('minBytes', 'int32'),
    field('maxBytes', 'int32', '3+'),
    field('isolationLevel', 'int8', '4+'),
    field('sessionId', 'int32', '7+'),
    field('sessionEpoch', 'int32', '7+'),
    array('topics', [
      field('topic', 'string'),
      array('partitions', [
        field('partition', 'int32'),
        field('currentLeaderEpoch', 'int32', '9+'),
        field('fetchOffset', 'int64'),
        field('logStartOffset', 'int64', '5+'),
        field('partitionMaxBytes', 'int32'),
      ]),
    ]),
    array('forgottenTopicsData', [field('topic', 'string'), array('partitions', 'int32')], '7+'),
    field('rackId', 'nullableString', '11+'),
  ],
  response: [
    field('throttleTimeMs', 'int32'),
    field('errorCode', 'int16', '7+'),
    field('sessionId', 'int32', '7+'),
    array('responses', [
      field('topic', 'string'),
      array('partitions', [
        field('partitionIndex', 'int32'),
        field('errorCode', 'int16'),
        field('highWatermark', 'int64'),
        field('lastStableOffset', 'int64'),
        field('logStartOffset', 'int64', '5+'),
        array('abortedTransactions', [field('producerId', 'int64'), field('firstOffset', 'int64')]),
        field('preferredReadReplica', 'int32', '11+'),
        field('records', 'records'),
      ]),
    ]),
  ],
  async handle(raw, ctx) {
    const req = raw as unknown as FetchRequest;
    const deadline = Date.now() + Math.max(0, req.maxWaitMs);
    for (;;) {
      const ev = evaluate(req, ctx);
      const wait = deadline - Date.now();
      if (ev.bytes >= req.minBytes || ev.errors || wait <= 0 || ctx.signal.aborted) {
        return { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses: ev.responses };
      }
      await parkUntilData(req, ctx, wait);
    }
  },
});

/** Long-poll: resolves on the first append to any requested partition, the deadline, or connection close. */
function parkUntilData(req: FetchRequest, ctx: RequestContext, waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const logs = req.topics.flatMap((t) =>
      t.partitions.map((p) => ctx.broker.topics.partition(t.topic, p.partition)?.log).filter((l) => l !== undefined),
    );
    const done = () => {
      clearTimeout(timer);
      for (const l of logs) l.waiters.delete(done);
      ctx.signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    for (const l of logs) l.waiters.add(done);
    ctx.signal.addEventListener('abort', done);
  });
}
