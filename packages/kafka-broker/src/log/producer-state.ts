import { ErrorCode } from '../protocol/error-codes.js';
import type { BatchInfo } from '../protocol/record-batch.js';

interface AppendedBatch {
  firstSeq: number;
  lastSeq: number;
  baseOffset: number;
}

interface ProducerEntry {
  epoch: number;
  lastSeq: number;
  recent: AppendedBatch[];
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: number }
  | { kind: 'error'; code: number; message: string };

/** How many recent batches per producer are remembered to answer retries (Kafka keeps five). */
const RECENT_BATCHES = 5;

/**
 * Per-partition idempotent-producer bookkeeping: a retried batch (same producer id, epoch and
 * sequence range) is answered with its original offset instead of being written twice.
 */
export class ProducerStateTable {
  private producers = new Map<bigint, ProducerEntry>();

  check(batch: BatchInfo): SequenceCheck {
    if (batch.producerId < 0n) return { kind: 'append' };
    const entry = this.producers.get(batch.producerId);
    if (entry === undefined) return { kind: 'append' };
    if (batch.producerEpoch < entry.epoch) {
      return { kind: 'error', code: ErrorCode.INVALID_PRODUCER_EPOCH, message: 'producer epoch is fenced' };
    }
    if (batch.producerEpoch > entry.epoch) {
      return batch.baseSequence === 0
        ? { kind: 'append' }
        : { kind: 'error', code: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, message: 'new epoch must start at sequence 0' };
    }
    const lastSeq = batch.baseSequence + batch.lastOffsetDelta;
    for (const r of entry.recent) {
      if (r.firstSeq === batch.baseSequence && r.lastSeq === lastSeq) return { kind: 'duplicate', baseOffset: r.baseOffset };
    }
    const expected = entry.lastSeq === 0x7fffffff ? 0 : entry.lastSeq + 1;
    if (batch.baseSequence !== expected) {
      return {
        kind: 'error',
        code: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        message: `expected sequence ${expected}, got ${batch.baseSequence}`,
      };
    }
    return { kind: 'append' };
  }

  record(batch: BatchInfo, baseOffset: number): void {
    if (batch.producerId < 0n) return;
    let entry = this.producers.get(batch.producerId);
    if (entry === undefined || batch.producerEpoch !== entry.epoch) {
      entry = { epoch: batch.producerEpoch, lastSeq: -1, recent: [] };
      this.producers.set(batch.producerId, entry);
    }
    const lastSeq = batch.baseSequence + batch.lastOffsetDelta;
    entry.lastSeq = lastSeq;
    entry.recent.push({ firstSeq: batch.baseSequence, lastSeq, baseOffset });
    if (entry.recent.length > RECENT_BATCHES) entry.recent.shift();
  }
}
