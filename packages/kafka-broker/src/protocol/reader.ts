/** Thrown for any request that cannot be decoded; the connection is closed because no schema can carry the error. */
export class MalformedRequestError extends Error {}

export class Reader {
  pos: number;
  constructor(
    readonly buf: Buffer,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  private need(n: number): number {
    const at = this.pos;
    if (at + n > this.end) throw new MalformedRequestError(`read of ${n} bytes past end of request at ${at}`);
    this.pos = at + n;
    return at;
  }

  remaining(): number {
    return this.end - this.pos;
  }
  int8(): number {
    return this.buf.readInt8(this.need(1));
  }
  bool(): boolean {
    return this.buf[this.need(1)] !== 0;
  }
  int16(): number {
    return this.buf.readInt16BE(this.need(2));
  }
  int32(): number {
    return this.buf.readInt32BE(this.need(4));
  }
  int64(): bigint {
    return this.buf.readBigInt64BE(this.need(8));
  }
  nullableString(): string | null {
    const len = this.int16();
    if (len < 0) return null;
    const at = this.need(len);
    return this.buf.toString('utf8', at, at + len);
  }
  string(): string {
    return this.nullableString() ?? '';
  }
  nullableBytes(): Buffer | null {
    const len = this.int32();
    if (len < 0) return null;
    const at = this.need(len);
    // A view, not a copy: record batches are stored exactly as received.
    return this.buf.subarray(at, at + len);
  }
  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.need(1)]!;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw new MalformedRequestError('unsigned varint too long');
    }
  }
  compactNullableString(): string | null {
    const n = this.uvarint();
    if (n === 0) return null;
    const at = this.need(n - 1);
    return this.buf.toString('utf8', at, at + n - 1);
  }
  /** Flexible versions end every struct with tagged fields; none are understood, all are skipped. */
  skipTaggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      this.need(this.uvarint());
    }
  }
}
