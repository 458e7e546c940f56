import { defineApi } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { parseProducedBatches } from '../record-batch.js';
import { array, field } from '../schema.js';

interface ProduceRequest {
  transactionalId: string | null;
  acks: number;
  timeoutMs: number;
  topicData: { name: string; partitionData: { index: number; records: Buffer | null }[] }[];
}

interface PartitionResponse {
  index: number;
  errorCode: number;
  baseOffset: bigint;
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
}

export const produceApi = defineApi({
  key: 0,
  name: 'Produce',
  minVersion: 3,
  maxVersion: 7,
  request: [
    field('transactionalId', 'nullableString'),
    field('acks', 'int16'),
    field('timeoutMs', 'int32'),
    array('topicData', [field('name', 'string'), array('partitionData', [field('index', 'int32'), field('records', 'records')])]),
  ],
  response: [
    array('responses', [
      field('name', 'string'),
      array('partitionResponses', [
        field('index', 'int32'),
        field('errorCode', 'int16'),
        field('baseOffset', 'int64'),
        field('logAppendTimeMs', 'int64'),
        field('logStartOffset', 'int64', '5+'),
      ]),
    ]),
    field('throttleTimeMs', 'int32'),
  ],
  async handle(raw, { broker, clientHost }) {
    const req = raw as unknown as ProduceRequest;
    const ackless = req.acks === 0;
    let appended = false;
    const responses = req.topicData.map((t) => ({
      name: t.name,
      partitionResponses: t.partitionData.map((pd): PartitionResponse => {
        const reply = (errorCode: number, baseOffset = -1n, logStartOffset = -1n): PartitionResponse => ({
          index: pd.index,
          errorCode,
          baseOffset,
          logAppendTimeMs: -1n,
          logStartOffset,
        });
        if (req.acks !== 0 && req.acks !== 1 && req.acks !== -1) return reply(ErrorCode.INVALID_REQUIRED_ACKS);
        const partition = broker.topics.partition(t.name, pd.index);
        if (!partition) return reply(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        const parsed = parseProducedBatches(pd.records, broker.config.verifyCrc);
        if (!parsed.ok) {
          broker.logger.warn({ client: clientHost, topic: t.name, partition: pd.index, error: parsed.message }, 'rejected produced batch');
          return reply(parsed.error);
        }
        const logStart = () => BigInt(partition.log.logStartOffset);
        const fresh = [];
        let duplicateOffset: number | null = null;
        for (const batch of parsed.batches) {
          const check = partition.producers.check(batch);
          if (check.kind === 'error') {
            broker.logger.warn({ client: clientHost, topic: t.name, partition: pd.index, error: check.message }, 'rejected produced batch');
            return reply(check.code, -1n, logStart());
          }
          if (check.kind === 'duplicate') duplicateOffset ??= check.baseOffset;
          else fresh.push(batch);
        }
        if (fresh.length === 0 && duplicateOffset !== null) return reply(ErrorCode.NONE, BigInt(duplicateOffset), logStart());
        const base = partition.log.append(fresh);
        appended = true;
        let at = base;
        for (const batch of fresh) {
          partition.producers.record(batch, at);
          at += batch.lastOffsetDelta + 1;
        }
        return reply(ErrorCode.NONE, BigInt(duplicateOffset ?? base), logStart());
      }),
    }));
    if (appended && broker.config.fsync) {
      const flushed = broker.topics.flusher.flush();
      if (ackless) flushed.catch((err: unknown) => broker.logger.error({ err, client: clientHost }, 'flush after acks=0 produce failed'));
      else await flushed;
    }
    return ackless ? null : { responses, throttleTimeMs: 0 };
  },
});
