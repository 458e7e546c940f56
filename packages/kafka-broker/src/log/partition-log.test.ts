import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { crc32c } from '../protocol/crc32c.js';
import { parseProducedBatches } from '../protocol/record-batch.js';
import { FlushScheduler } from './flush-scheduler.js';
import { PartitionLog } from './partition-log.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'partition-log-'));
  dirs.push(d);
  return d;
}

/** A minimal valid uncompressed batch of `count` empty records. */
function batch(count: number, timestamp = Date.now()): Buffer {
  const record = Buffer.from([0x0c, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00]); // len 6, attrs, tsDelta 0, offsetDelta 0, key null, value null, 0 headers
  const records = Buffer.concat(Array.from({ length: count }, (_, i) => { const r = Buffer.from(record); r[3] = i * 2; return r; }));
  const b = Buffer.alloc(61 + records.length);
  b.writeInt32BE(b.length - 12, 8);
  b[16] = 2;
  b.writeInt32BE(count - 1, 23);
  b.writeBigInt64BE(BigInt(timestamp), 27);
  b.writeBigInt64BE(BigInt(timestamp), 35);
  b.writeBigInt64BE(-1n, 43);
  b.writeInt16BE(-1, 51);
  b.writeInt32BE(-1, 53);
  b.writeInt32BE(count, 57);
  records.copy(b, 61);
  b.writeUInt32BE(crc32c(b, 21), 17);
  return b;
}

function parsed(buf: Buffer) {
  const r = parseProducedBatches(buf);
  assert.ok(r.ok);
  return r.batches;
}

const opts = () => ({ segmentBytes: 1024 * 1024, cacheBytes: 1024, flusher: new FlushScheduler() });

test('a torn last batch is truncated on open and never served', async () => {
  const dir = tempDir();
  const { log } = PartitionLog.open(dir, opts());
  log.append(parsed(batch(3)));
  log.append(parsed(batch(2)));
  await log.whenWritten();
  log.close();
  const segment = join(dir, readdirSync(dir).find((f) => f.endsWith('.log'))!);
  const goodSize = statSync(segment).size;
  const torn = batch(4);
  torn.writeBigInt64BE(5n, 0);
  appendFileSync(segment, torn.subarray(0, 40));

  const reopened = PartitionLog.open(dir, opts());
  assert.equal(reopened.truncatedBytes, 40);
  assert.equal(statSync(segment).size, goodSize);
  assert.equal(reopened.log.nextOffset, 5);
  assert.equal(reopened.log.read(5, 1 << 20, true).bytes, 0);
  assert.equal(reopened.log.append(parsed(batch(1))), 5, 'appends continue right after the last whole batch');
  reopened.log.close();
});

test('a batch with a corrupted body at the tail is dropped on open', async () => {
  const dir = tempDir();
  const { log } = PartitionLog.open(dir, opts());
  log.append(parsed(batch(2)));
  await log.whenWritten();
  log.close();
  const segment = join(dir, readdirSync(dir).find((f) => f.endsWith('.log'))!);
  const bad = batch(2);
  bad.writeBigInt64BE(2n, 0);
  bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
  appendFileSync(segment, bad);
  const reopened = PartitionLog.open(dir, opts());
  assert.equal(reopened.log.nextOffset, 2);
  reopened.log.close();
});

test('a batch is served from memory until its write reaches the file, however small the cache', async () => {
  const dir = tempDir();
  const { log } = PartitionLog.open(dir, opts());
  for (let i = 0; i < 50; i++) log.append(parsed(batch(2)));
  assert.equal(log.read(0, 1 << 20, true).chunks.length, 50, 'nothing evicted while writes are queued');
  await log.whenWritten();
  log.append(parsed(batch(2)));
  assert.ok(log.read(0, 1 << 20, true).chunks.length < 50, 'written batches may leave the cache');
  log.close();
});

test('reads across cached and on-disk batches return whole batches in offset order', async () => {
  const dir = tempDir();
  const { log } = PartitionLog.open(dir, opts());
  // Waiting for each write lets the cache evict, so the read below has to hit the file.
  for (let i = 0; i < 50; i++) {
    log.append(parsed(batch(2)));
    await log.whenWritten();
  }
  const all = log.read(0, 1 << 20, true);
  const joined = Buffer.concat(all.chunks);
  const bases: bigint[] = [];
  for (let pos = 0; pos < joined.length; pos += 12 + joined.readInt32BE(pos + 8)) bases.push(joined.readBigInt64BE(pos));
  assert.deepEqual(bases, Array.from({ length: 50 }, (_, i) => BigInt(i * 2)));
  log.close();
});

test('retention deletes whole old segments by size and time and advances the log start offset', async () => {
  const dir = tempDir();
  const { log } = PartitionLog.open(dir, { ...opts(), segmentBytes: 100 });
  const old = Date.now() - 3_600_000;
  for (let i = 0; i < 10; i++) log.append(parsed(batch(1, i < 5 ? old : Date.now())));
  assert.equal(log.segmentCount(), 10);
  log.applyRetention(60_000, -1, Date.now());
  assert.equal(log.logStartOffset, 5, 'segments older than retention.ms are gone');
  log.applyRetention(-1, 150, Date.now());
  assert.equal(log.segmentCount(), 3, 'oldest segments beyond retention.bytes are gone');
  assert.equal(log.logStartOffset, 7);
  assert.equal(log.nextOffset, 10);
  await log.whenWritten();
  log.close();
  const reopened = PartitionLog.open(dir, opts());
  assert.equal(reopened.log.logStartOffset, 10 - reopened.log.segmentCount(), 'the start offset survives a restart');
  reopened.log.close();
});
