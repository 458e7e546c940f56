import { crc32c } from './crc32c.js';
import { ErrorCode } from './error-codes.js';

/** Byte offsets inside a RecordBatch (magic 2) header. */
export const BATCH = {
  BASE_OFFSET: 0,
  LENGTH: 8,
  LEADER_EPOCH: 12,
  MAGIC: 16,
  CRC: 17,
  ATTRIBUTES: 21,
  LAST_OFFSET_DELTA: 23,
  BASE_TIMESTAMP: 27,
  MAX_TIMESTAMP: 35,
  PRODUCER_ID: 43,
  PRODUCER_EPOCH: 51,
  BASE_SEQUENCE: 53,
  RECORDS_COUNT: 57,
  HEADER_SIZE: 61,
  /** baseOffset + batchLength precede the part that batchLength counts. */
  LOG_OVERHEAD: 12,
} as const;

export interface BatchInfo {
  /** The whole batch, a view into the request (patched in place when appended). */
  bytes: Buffer;
  lastOffsetDelta: number;
  maxTimestamp: number;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
}

export type BatchParse = { ok: true; batches: BatchInfo[] } | { ok: false; error: number; message: string };

/**
 * Splits a produce `records` blob into batches and applies the header checks Kafka's log
 * validator makes; nothing is decompressed because offsets come from the header.
 */
export function parseProducedBatches(records: Buffer | null, verifyCrc = true): BatchParse {
  if (records === null || records.length === 0) {
    return { ok: false, error: ErrorCode.INVALID_RECORD, message: 'no record batch' };
  }
  const batches: BatchInfo[] = [];
  let pos = 0;
  while (pos < records.length) {
    if (records.length - pos < BATCH.HEADER_SIZE) {
      return { ok: false, error: ErrorCode.CORRUPT_MESSAGE, message: 'record batch shorter than its header' };
    }
    const size = BATCH.LOG_OVERHEAD + records.readInt32BE(pos + BATCH.LENGTH);
    if (size < BATCH.HEADER_SIZE || pos + size > records.length) {
      return { ok: false, error: ErrorCode.CORRUPT_MESSAGE, message: 'record batch length does not match records size' };
    }
    const bytes = records.subarray(pos, pos + size);
    if (bytes[BATCH.MAGIC] !== 2) {
      return { ok: false, error: ErrorCode.INVALID_RECORD, message: `unsupported record batch magic ${bytes[BATCH.MAGIC]}` };
    }
    if (verifyCrc && crc32c(bytes, BATCH.ATTRIBUTES) !== bytes.readUInt32BE(BATCH.CRC)) {
      return { ok: false, error: ErrorCode.CORRUPT_MESSAGE, message: 'record batch CRC mismatch' };
    }
    const attributes = bytes.readInt16BE(BATCH.ATTRIBUTES);
    const lastOffsetDelta = bytes.readInt32BE(BATCH.LAST_OFFSET_DELTA);
    const count = bytes.readInt32BE(BATCH.RECORDS_COUNT);
    if (count <= 0 || lastOffsetDelta + 1 !== count) {
      return { ok: false, error: ErrorCode.INVALID_RECORD, message: 'record count does not match last offset delta' };
    }
    if (attributes & 0x20) {
      return { ok: false, error: ErrorCode.INVALID_RECORD, message: 'clients may not write control batches' };
    }
    const producerId = bytes.readBigInt64BE(BATCH.PRODUCER_ID);
    const baseSequence = bytes.readInt32BE(BATCH.BASE_SEQUENCE);
    if (producerId >= 0n && baseSequence < 0) {
      return { ok: false, error: ErrorCode.INVALID_RECORD, message: 'idempotent batch without a sequence number' };
    }
    batches.push({
      bytes,
      lastOffsetDelta,
      maxTimestamp: Number(bytes.readBigInt64BE(BATCH.MAX_TIMESTAMP)),
      producerId,
      producerEpoch: bytes.readInt16BE(BATCH.PRODUCER_EPOCH),
      baseSequence,
    });
    pos += size;
  }
  return { ok: true, batches };
}

/** Validates a stored batch at `pos` during log recovery; returns its size or 0 when the bytes are not a whole valid batch. */
export function storedBatchSize(buf: Buffer, pos: number, end: number): number {
  if (end - pos < BATCH.HEADER_SIZE) return 0;
  const size = BATCH.LOG_OVERHEAD + buf.readInt32BE(pos + BATCH.LENGTH);
  if (size < BATCH.HEADER_SIZE || pos + size > end) return 0;
  if (buf[pos + BATCH.MAGIC] !== 2) return 0;
  if (crc32c(buf, pos + BATCH.ATTRIBUTES, pos + size) !== buf.readUInt32BE(pos + BATCH.CRC)) return 0;
  return size;
}
