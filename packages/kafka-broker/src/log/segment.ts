import { close, closeSync, existsSync, fstatSync, ftruncateSync, openSync, readFileSync, readSync, unlinkSync, writeSync, writev } from 'node:fs';
import { join } from 'node:path';
import { BATCH, storedBatchSize } from '../protocol/record-batch.js';

/** One stored record batch: where it lives and which offsets it covers. */
export interface BatchEntry {
  base: number;
  last: number;
  pos: number;
  size: number;
  maxTimestamp: number;
  /** Recently appended batches stay in memory so tailing consumers never touch the disk. */
  cached?: Buffer | undefined;
}

const INDEX_ENTRY_SIZE = 28;

export function segmentFileName(baseOffset: number, ext: 'log' | 'index'): string {
  return `${String(baseOffset).padStart(20, '0')}.${ext}`;
}

/**
 * An append-only file of record batches plus an index file with one entry per batch.
 * The index makes opening old segments cheap; the active segment is always re-validated.
 */
export class Segment {
  readonly entries: BatchEntry[] = [];
  /** Logical size: every appended byte, including those still queued for the OS. */
  size = 0;
  /** Bytes the OS has accepted; only these may be read back from the file. */
  writtenSize = 0;
  maxTimestamp = -1;
  private closed = false;
  // Appends are queued and written by one vectored write at a time, off the event loop (libuv
  // threadpool): one write in flight keeps O_APPEND order, and everything that queued up
  // meanwhile goes out in the next single writev.
  private queue: Buffer[] = [];
  private indexQueue: Buffer[] = [];
  private writing = false;
  private failure: Error | null = null;
  private waiters: { upTo: number; resolve: () => void; reject: (err: Error) => void }[] = [];

  private constructor(
    readonly dir: string,
    readonly baseOffset: number,
    readonly fd: number,
    private readonly indexFd: number,
  ) {}

  get logPath(): string {
    return join(this.dir, segmentFileName(this.baseOffset, 'log'));
  }
  get indexPath(): string {
    return join(this.dir, segmentFileName(this.baseOffset, 'index'));
  }
  get nextOffset(): number {
    const last = this.entries[this.entries.length - 1];
    return last ? last.last + 1 : this.baseOffset;
  }

  static create(dir: string, baseOffset: number): Segment {
    const fd = openSync(join(dir, segmentFileName(baseOffset, 'log')), 'a+');
    const indexFd = openSync(join(dir, segmentFileName(baseOffset, 'index')), 'a+');
    return new Segment(dir, baseOffset, fd, indexFd);
  }

  /**
   * Opens an existing segment. `verify` re-reads every batch and cuts the file at the first
   * torn or corrupt one, which is what a crash mid-write leaves behind at the log tail.
   * Returns the number of bytes truncated.
   */
  static open(dir: string, baseOffset: number, verify: boolean): { segment: Segment; truncatedBytes: number } {
    const logPath = join(dir, segmentFileName(baseOffset, 'log'));
    const indexPath = join(dir, segmentFileName(baseOffset, 'index'));
    const fileSize = fstatSizeOf(logPath);
    let entries: BatchEntry[] | null = verify ? null : loadIndex(indexPath, baseOffset, fileSize);
    let validSize = fileSize;
    if (entries === null) {
      const scanned = scanLog(readFileSync(logPath));
      entries = scanned.entries;
      validSize = scanned.validSize;
    }
    if (validSize < fileSize) {
      const fd = openSync(logPath, 'r+');
      ftruncateSync(fd, validSize);
      closeSync(fd);
    }
    // The index is derived data: rewrite it so it matches the (possibly truncated) log exactly.
    const rebuilt = encodeIndex(entries);
    const ifd = openSync(indexPath, 'w');
    writeSync(ifd, rebuilt);
    closeSync(ifd);

    const seg = new Segment(dir, baseOffset, openSync(logPath, 'a+'), openSync(indexPath, 'a+'));
    for (const e of entries) {
      seg.entries.push(e);
      if (e.maxTimestamp > seg.maxTimestamp) seg.maxTimestamp = e.maxTimestamp;
    }
    seg.size = validSize;
    seg.writtenSize = validSize;
    return { segment: seg, truncatedBytes: fileSize - validSize };
  }

  /**
   * Appends batches whose offsets were already assigned; returns their new entries. The bytes
   * reach the file asynchronously: `whenWritten` tells when, and until then the entries must
   * stay cached. The buffers must not be modified afterwards.
   */
  append(batches: readonly Buffer[]): BatchEntry[] {
    if (this.failure) throw this.failure;
    const added: BatchEntry[] = [];
    let pos = this.size;
    let bytes = 0;
    for (const b of batches) {
      const base = Number(b.readBigInt64BE(BATCH.BASE_OFFSET));
      const entry: BatchEntry = {
        base,
        last: base + b.readInt32BE(BATCH.LAST_OFFSET_DELTA),
        pos,
        size: b.length,
        maxTimestamp: Number(b.readBigInt64BE(BATCH.MAX_TIMESTAMP)),
        cached: b,
      };
      added.push(entry);
      pos += b.length;
      bytes += b.length;
    }
    for (const b of batches) this.queue.push(b);
    this.indexQueue.push(encodeIndex(added));
    for (const e of added) {
      this.entries.push(e);
      if (e.maxTimestamp > this.maxTimestamp) this.maxTimestamp = e.maxTimestamp;
    }
    this.size = pos;
    if (!this.writing) this.pump();
    return added;
  }

  /** Resolves once every byte appended so far has been handed to the OS (not yet fsynced). */
  whenWritten(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.writtenSize >= this.size) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: this.size, resolve, reject }));
  }

  private pump(): void {
    if (this.queue.length === 0 || this.failure) {
      this.writing = false;
      if (this.closed) this.closeFiles();
      return;
    }
    this.writing = true;
    const bufs = this.queue;
    const index = this.indexQueue;
    this.queue = [];
    this.indexQueue = [];
    let bytes = 0;
    for (const b of bufs) bytes += b.length;
    let pending = 2;
    const done = (err: Error | null): void => {
      if (err && !this.failure) this.failure = err;
      if (--pending > 0) return;
      if (this.failure) {
        for (const w of this.waiters.splice(0)) w.reject(this.failure);
      } else {
        this.writtenSize += bytes;
        let kept = 0;
        for (const w of this.waiters) {
          if (w.upTo <= this.writtenSize) w.resolve();
          else this.waiters[kept++] = w;
        }
        this.waiters.length = kept;
      }
      this.pump();
    };
    writeAll(this.fd, bufs, done);
    // The index is derived data (rebuilt or validated on open), so it needs no ordering against the log.
    writeAll(this.indexFd, index, done);
  }

  /** Index of the first batch whose last offset is >= offset, or entries.length. */
  findEntry(offset: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.last < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Reads the stored bytes of entries [from, to) in as few pieces as possible. */
  readEntries(from: number, to: number): Buffer[] {
    const chunks: Buffer[] = [];
    let i = from;
    while (i < to) {
      const e = this.entries[i]!;
      if (e.cached) {
        chunks.push(e.cached);
        i++;
        continue;
      }
      let j = i;
      let len = 0;
      while (j < to && !this.entries[j]!.cached) {
        len += this.entries[j]!.size;
        j++;
      }
      const buf = Buffer.allocUnsafe(len);
      let got = 0;
      while (got < len) {
        const n = readSync(this.fd, buf, got, len - got, e.pos + got);
        if (n === 0) break;
        got += n;
      }
      chunks.push(got === len ? buf : buf.subarray(0, got));
      i = j;
    }
    return chunks;
  }

  /** Closes the files once queued writes are done, so a pending write never lands in a reused descriptor. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.writing) this.closeFiles();
  }

  private closeFiles(): void {
    close(this.fd, () => {});
    close(this.indexFd, () => {});
  }

  delete(): void {
    this.close();
    for (const p of [this.logPath, this.indexPath]) if (existsSync(p)) unlinkSync(p);
  }
}

/** writev that finishes short writes (legal, if rare) byte-exactly. */
function writeAll(fd: number, bufs: Buffer[], cb: (err: Error | null) => void): void {
  writev(fd, bufs, (err, written) => {
    if (err) return cb(err);
    let rest = written;
    let i = 0;
    while (i < bufs.length && rest >= bufs[i]!.length) rest -= bufs[i++]!.length;
    if (i === bufs.length) return cb(null);
    const remainder = [bufs[i]!.subarray(rest), ...bufs.slice(i + 1)];
    writeAll(fd, remainder, cb);
  });
}

function fstatSizeOf(path: string): number {
  const fd = openSync(path, 'a+');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

export function scanLog(buf: Buffer): { entries: BatchEntry[]; validSize: number } {
  const entries: BatchEntry[] = [];
  let pos = 0;
  for (;;) {
    const size = storedBatchSize(buf, pos, buf.length);
    if (size === 0) break;
    const base = Number(buf.readBigInt64BE(pos + BATCH.BASE_OFFSET));
    entries.push({
      base,
      last: base + buf.readInt32BE(pos + BATCH.LAST_OFFSET_DELTA),
      pos,
      size,
      maxTimestamp: Number(buf.readBigInt64BE(pos + BATCH.MAX_TIMESTAMP)),
    });
    pos += size;
  }
  return { entries, validSize: pos };
}

function encodeIndex(entries: readonly BatchEntry[]): Buffer {
  const out = Buffer.allocUnsafe(entries.length * INDEX_ENTRY_SIZE);
  let at = 0;
  for (const e of entries) {
    out.writeBigInt64BE(BigInt(e.base), at);
    out.writeInt32BE(e.last - e.base, at + 8);
    out.writeInt32BE(e.pos, at + 12);
    out.writeInt32BE(e.size, at + 16);
    out.writeBigInt64BE(BigInt(e.maxTimestamp), at + 20);
    at += INDEX_ENTRY_SIZE;
  }
  return out;
}

/** Trusts the index only if it describes the log file exactly; anything else means a rescan. */
function loadIndex(path: string, baseOffset: number, logSize: number): BatchEntry[] | null {
  if (!existsSync(path)) return null;
  const buf = readFileSync(path);
  if (buf.length % INDEX_ENTRY_SIZE !== 0) return null;
  const entries: BatchEntry[] = [];
  let expectedPos = 0;
  let expectedBase = baseOffset;
  for (let at = 0; at < buf.length; at += INDEX_ENTRY_SIZE) {
    const base = Number(buf.readBigInt64BE(at));
    const pos = buf.readInt32BE(at + 12);
    const size = buf.readInt32BE(at + 16);
    if (pos !== expectedPos || base < expectedBase) return null;
    entries.push({ base, last: base + buf.readInt32BE(at + 8), pos, size, maxTimestamp: Number(buf.readBigInt64BE(at + 20)) });
    expectedPos = pos + size;
    expectedBase = base;
  }
  return expectedPos === logSize ? entries : null;
}
