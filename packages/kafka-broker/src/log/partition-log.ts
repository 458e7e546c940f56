import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH, type BatchInfo } from '../protocol/record-batch.js';
import type { FlushScheduler } from './flush-scheduler.js';
import { Segment } from './segment.js';

export interface PartitionLogOptions {
  segmentBytes: number;
  /** Bytes of recent batches kept in memory per partition. */
  cacheBytes: number;
  flusher: FlushScheduler;
}

export interface ReadResult {
  chunks: Buffer[];
  bytes: number;
}

const LOG_START_FILE = 'log-start-offset';

/**
 * One partition: a list of segments, the high watermark (= log end offset on a single node)
 * and the log start offset that retention and DeleteRecords move forward.
 */
export class PartitionLog {
  private segments: Segment[] = [];
  logStartOffset = 0;
  /** Parked fetches waiting for data on this partition. */
  readonly waiters = new Set<() => void>();
  private cachedBytes = 0;
  private cacheSegment: Segment | null = null;
  private cacheFrom = 0;

  private constructor(
    readonly dir: string,
    private readonly opts: PartitionLogOptions,
  ) {}

  static open(dir: string, opts: PartitionLogOptions): { log: PartitionLog; truncatedBytes: number } {
    mkdirSync(dir, { recursive: true });
    const log = new PartitionLog(dir, opts);
    const bases = readdirSync(dir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => Number(f.slice(0, -4)))
      .sort((a, b) => a - b);
    let truncatedBytes = 0;
    bases.forEach((base, i) => {
      const { segment, truncatedBytes: t } = Segment.open(dir, base, i === bases.length - 1);
      truncatedBytes += t;
      log.segments.push(segment);
    });
    if (log.segments.length === 0) log.segments.push(Segment.create(dir, 0));
    const startFile = join(dir, LOG_START_FILE);
    const persistedStart = existsSync(startFile) ? Number(readFileSync(startFile, 'utf8')) || 0 : 0;
    log.logStartOffset = Math.max(log.segments[0]!.baseOffset, persistedStart);
    return { log, truncatedBytes };
  }

  private get active(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  /** Log end offset; with one replica it is also the high watermark and the last stable offset. */
  get nextOffset(): number {
    return this.active.nextOffset;
  }

  get sizeBytes(): number {
    let total = 0;
    for (const s of this.segments) total += s.size;
    return total;
  }

  /**
   * Assigns offsets to already-validated batches, writes them and wakes parked fetches.
   * Only baseOffset and partitionLeaderEpoch are patched: both lie outside the CRC.
   */
  append(batches: readonly BatchInfo[]): number {
    let next = this.nextOffset;
    const first = next;
    let bytes = 0;
    const bufs: Buffer[] = [];
    for (const b of batches) {
      b.bytes.writeBigInt64BE(BigInt(next), BATCH.BASE_OFFSET);
      b.bytes.writeInt32BE(0, BATCH.LEADER_EPOCH);
      next += b.lastOffsetDelta + 1;
      bytes += b.bytes.length;
      bufs.push(b.bytes);
    }
    if (this.active.size > 0 && this.active.size + bytes > this.opts.segmentBytes) this.roll();
    const seg = this.active;
    const added = seg.append(bufs);
    this.opts.flusher.markDirty(seg.fd, () => seg.whenWritten());
    this.trackCache(seg, added.length, bytes);
    this.wake();
    return first;
  }

  private trackCache(seg: Segment, count: number, bytes: number): void {
    if (this.cacheSegment !== seg) {
      this.cacheSegment = seg;
      this.cacheFrom = seg.entries.length - count;
      this.cachedBytes = 0;
    }
    this.cachedBytes += bytes;
    while (this.cachedBytes > this.opts.cacheBytes && this.cacheFrom < seg.entries.length - 1) {
      const next = seg.entries[this.cacheFrom]!;
      // Bytes still queued for the file can only be served from memory.
      if (next.pos + next.size > seg.writtenSize) break;
      const e = seg.entries[this.cacheFrom++]!;
      if (e.cached) {
        this.cachedBytes -= e.size;
        e.cached = undefined;
      }
    }
  }

  private roll(): void {
    const prev = this.active;
    for (const e of prev.entries) if (e.pos + e.size <= prev.writtenSize) e.cached = undefined;
    this.cacheSegment = null;
    this.cachedBytes = 0;
    this.segments.push(Segment.create(this.dir, this.nextOffset));
  }

  wake(): void {
    if (this.waiters.size === 0) return;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const w of waiters) w();
  }

  /**
   * Whole stored batches starting with the one that contains `offset`, up to `maxBytes`;
   * with `minOne` the first batch is returned even when it alone exceeds the limit.
   */
  read(offset: number, maxBytes: number, minOne: boolean): ReadResult {
    if (offset >= this.nextOffset) return { chunks: [], bytes: 0 };
    let si = this.segmentIndexFor(offset);
    while (si < this.segments.length) {
      const seg = this.segments[si]!;
      const from = seg.findEntry(offset);
      if (from < seg.entries.length) {
        let to = from;
        let bytes = 0;
        while (to < seg.entries.length) {
          const size = seg.entries[to]!.size;
          if (bytes + size > maxBytes && !(to === from && minOne)) break;
          bytes += size;
          to++;
        }
        if (to === from) return { chunks: [], bytes: 0 };
        return { chunks: seg.readEntries(from, to), bytes };
      }
      si++;
    }
    return { chunks: [], bytes: 0 };
  }

  private segmentIndexFor(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid]!.baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First batch whose max timestamp reaches `timestamp` (batch granularity, as allowed for compressed batches). */
  offsetForTimestamp(timestamp: number): { offset: number; timestamp: number } | null {
    for (const seg of this.segments) {
      if (seg.maxTimestamp < timestamp) continue;
      for (const e of seg.entries) {
        if (e.maxTimestamp >= timestamp && e.last >= this.logStartOffset) {
          return { offset: Math.max(e.base, this.logStartOffset), timestamp: e.maxTimestamp };
        }
      }
    }
    return null;
  }

  /** DeleteRecords: moves the log start offset and drops segments that fall entirely below it. */
  advanceLogStart(offset: number): void {
    if (offset <= this.logStartOffset) return;
    this.logStartOffset = offset;
    while (this.segments.length > 1 && this.segments[1]!.baseOffset <= offset) {
      const dropped = this.segments.shift()!;
      this.opts.flusher.forget(dropped.fd);
      dropped.delete();
    }
    const tmp = join(this.dir, `${LOG_START_FILE}.tmp`);
    writeFileSync(tmp, String(offset));
    renameSync(tmp, join(this.dir, LOG_START_FILE));
  }

  /** Deletes whole non-active segments past the time or size limit (negative limit = unlimited). */
  applyRetention(retentionMs: number, retentionBytes: number, now: number): number {
    let deleted = 0;
    while (this.segments.length > 1) {
      const oldest = this.segments[0]!;
      const expired = retentionMs >= 0 && oldest.maxTimestamp >= 0 && oldest.maxTimestamp < now - retentionMs;
      const oversized = retentionBytes >= 0 && this.sizeBytes - oldest.size >= retentionBytes;
      if (!expired && !oversized) break;
      this.segments.shift();
      this.opts.flusher.forget(oldest.fd);
      oldest.delete();
      deleted++;
      this.logStartOffset = Math.max(this.logStartOffset, this.segments[0]!.baseOffset);
    }
    return deleted;
  }

  /** Resolves once every appended byte has been handed to the OS. */
  async whenWritten(): Promise<void> {
    await Promise.all(this.segments.map((s) => s.whenWritten()));
  }

  segmentCount(): number {
    return this.segments.length;
  }

  close(): void {
    for (const s of this.segments) {
      this.opts.flusher.forget(s.fd);
      s.close();
    }
  }

  destroy(): void {
    this.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
