import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_v, byte) => byte.toString(16).padStart(2, '0'));
// Random bytes drawn in bulk, as node:crypto's randomUUID does: one system call per 256 ids.
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;

/**
 * A new event id: a UUID version 7 (RFC 9562), its first 48 bits the time in milliseconds and
 * the rest random. Ids in time order land side by side in the B-trees keyed by them, the
 * outbox's and every consumer group's inbox (which grows with every event ever applied), where
 * random version 4 ids touched a random page of the whole index for each insert.
 */
export function newEventId(now = Date.now()): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const h = (index: number) => HEX[bytes[index]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
