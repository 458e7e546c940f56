import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

/**
 * Declarative message layouts. Each field names the versions it exists in, so one layout
 * describes a whole version range the way Kafka's JSON message definitions do.
 */
export type Primitive =
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'bool'
  | 'string'
  | 'nullableString'
  | 'bytes'
  | 'nullableBytes'
  | 'records';

export interface Field {
  readonly name: string;
  readonly type: Primitive | Schema;
  readonly array: boolean;
  readonly min: number;
  readonly max: number;
  /** Lowest version from which an array may be null (-1 count). */
  readonly nullableFrom: number;
}

export type Schema = readonly Field[];

function parseRange(range: string | undefined): [number, number] {
  if (range === undefined) return [0, Infinity];
  if (range.endsWith('+')) return [Number(range.slice(0, -1)), Infinity];
  const [lo, hi] = range.split('-');
  return [Number(lo), Number(hi ?? lo)];
}

/** A field present in `range` versions ("3+", "0-2", "5"), all versions when omitted. */
export function field(name: string, type: Primitive | Schema, range?: string): Field {
  const [min, max] = parseRange(range);
  return { name, type, array: false, min, max, nullableFrom: Infinity };
}

export function array(
  name: string,
  type: Primitive | Schema,
  range?: string,
  opts: { nullableFrom?: number } = {},
): Field {
  const [min, max] = parseRange(range);
  return { name, type, array: true, min, max, nullableFrom: opts.nullableFrom ?? Infinity };
}

// Decoded messages are plain records; each API module narrows them to its own interface.
export type Message = Record<string, unknown>;

function readPrimitive(r: Reader, type: Primitive): unknown {
  switch (type) {
    case 'int8':
      return r.int8();
    case 'int16':
      return r.int16();
    case 'int32':
      return r.int32();
    case 'int64':
      return r.int64();
    case 'bool':
      return r.bool();
    case 'string':
      return r.string();
    case 'nullableString':
      return r.nullableString();
    case 'bytes':
      return r.nullableBytes() ?? Buffer.alloc(0);
    case 'nullableBytes':
    case 'records':
      return r.nullableBytes();
  }
}

export function decode(schema: Schema, version: number, r: Reader): Message {
  const out: Message = {};
  for (const f of schema) {
    if (version < f.min || version > f.max) continue;
    if (f.array) {
      const count = r.int32();
      if (count < 0) {
        out[f.name] = version >= f.nullableFrom ? null : [];
        continue;
      }
      if (count > r.remaining()) throw new RangeError(`array count ${count} exceeds request size`);
      const items: unknown[] = new Array(count);
      for (let i = 0; i < count; i++) {
        items[i] = typeof f.type === 'string' ? readPrimitive(r, f.type) : decode(f.type, version, r);
      }
      out[f.name] = items;
    } else {
      out[f.name] = typeof f.type === 'string' ? readPrimitive(r, f.type) : decode(f.type, version, r);
    }
  }
  return out;
}

function writePrimitive(w: Writer, type: Primitive, v: unknown): void {
  switch (type) {
    case 'int8':
      w.int8((v as number | undefined) ?? 0);
      return;
    case 'int16':
      w.int16((v as number | undefined) ?? 0);
      return;
    case 'int32':
      w.int32((v as number | undefined) ?? 0);
      return;
    case 'int64':
      w.int64(typeof v === 'bigint' ? v : BigInt((v as number | undefined) ?? 0));
      return;
    case 'bool':
      w.bool(Boolean(v));
      return;
    case 'string':
      w.nullableString((v as string | undefined) ?? '');
      return;
    case 'nullableString':
      w.nullableString(v as string | null | undefined);
      return;
    case 'bytes':
      w.nullableBytes((v as Buffer | undefined) ?? Buffer.alloc(0));
      return;
    case 'nullableBytes':
      w.nullableBytes(v as Buffer | null | undefined);
      return;
    case 'records':
      w.records(v as Buffer[] | Buffer | null | undefined);
      return;
  }
}

export function encode(schema: Schema, version: number, msg: Message, w: Writer): void {
  for (const f of schema) {
    if (version < f.min || version > f.max) continue;
    const v = msg[f.name];
    if (f.array) {
      if (v == null) {
        w.int32(version >= f.nullableFrom ? -1 : 0);
        continue;
      }
      const items = v as unknown[];
      w.int32(items.length);
      for (const item of items) {
        if (typeof f.type === 'string') writePrimitive(w, f.type, item);
        else encode(f.type, version, item as Message, w);
      }
    } else if (typeof f.type === 'string') {
      writePrimitive(w, f.type, v);
    } else {
      encode(f.type, version, (v ?? {}) as Message, w);
    }
  }
}
