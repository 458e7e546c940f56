/**
 * Growable output that keeps large payloads (record batches) as separate chunks, so a fetch
 * response is handed to the socket without copying the log data into one big buffer.
 */
const COPY_LIMIT = 512;

export class Writer {
  private chunks: Buffer[] = [];
  private cur: Buffer;
  private start = 0;
  private pos = 0;
  private total = 0;

  constructor(initial = 1024) {
    this.cur = Buffer.allocUnsafe(initial);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.cur.length) return;
    this.flushCurrent();
    this.cur = Buffer.allocUnsafe(Math.max(4096, n, this.cur.length * 2));
    this.start = 0;
    this.pos = 0;
  }

  private flushCurrent(): void {
    if (this.pos > this.start) this.chunks.push(this.cur.subarray(this.start, this.pos));
    this.start = this.pos;
  }

  get length(): number {
    return this.total;
  }

  int8(v: number): this {
    this.ensure(1);
    this.cur.writeInt8(v, this.pos);
    this.pos += 1;
    this.total += 1;
    return this;
  }
  bool(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }
  int16(v: number): this {
    this.ensure(2);
    this.cur.writeInt16BE(v, this.pos);
    this.pos += 2;
    this.total += 2;
    return this;
  }
  int32(v: number): this {
    this.ensure(4);
    this.cur.writeInt32BE(v, this.pos);
    this.pos += 4;
    this.total += 4;
    return this;
  }
  int64(v: bigint): this {
    this.ensure(8);
    this.cur.writeBigInt64BE(v, this.pos);
    this.pos += 8;
    this.total += 8;
    return this;
  }
  uvarint(v: number): this {
    while (v >= 0x80) {
      this.int8Unsigned((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    return this.int8Unsigned(v);
  }
  private int8Unsigned(v: number): this {
    this.ensure(1);
    this.cur[this.pos++] = v;
    this.total += 1;
    return this;
  }
  raw(buf: Buffer): this {
    if (buf.length <= COPY_LIMIT) {
      this.ensure(buf.length);
      buf.copy(this.cur, this.pos);
      this.pos += buf.length;
    } else {
      this.flushCurrent();
      this.chunks.push(buf);
    }
    this.total += buf.length;
    return this;
  }
  nullableString(v: string | null | undefined): this {
    if (v == null) return this.int16(-1);
    const len = Buffer.byteLength(v);
    this.int16(len);
    this.ensure(len);
    this.cur.write(v, this.pos, 'utf8');
    this.pos += len;
    this.total += len;
    return this;
  }
  nullableBytes(v: Buffer | null | undefined): this {
    if (v == null) return this.int32(-1);
    this.int32(v.length);
    return this.raw(v);
  }
  /** A RECORDS field made of several stored batches, written back to back. */
  records(parts: readonly Buffer[] | Buffer | null | undefined): this {
    if (parts == null) return this.int32(-1);
    if (Buffer.isBuffer(parts)) return this.nullableBytes(parts);
    let size = 0;
    for (const p of parts) size += p.length;
    this.int32(size);
    for (const p of parts) this.raw(p);
    return this;
  }

  /** Frame chunks: a 4-byte size prefix followed by everything written. */
  frame(): Buffer[] {
    this.flushCurrent();
    const size = Buffer.allocUnsafe(4);
    size.writeInt32BE(this.total, 0);
    return [size, ...this.chunks];
  }
}
