// CRC-32C (Castagnoli), slicing-by-8: record batches are CRC-checked on every produce,
// so the byte-at-a-time variant would show up in produce throughput.
const POLY = 0x82f63b78;
const TABLE = new Uint32Array(8 * 256);

for (let i = 0; i < 256; i++) {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
  TABLE[i] = c >>> 0;
}
for (let i = 0; i < 256; i++) {
  for (let t = 1; t < 8; t++) {
    const prev = TABLE[(t - 1) * 256 + i]!;
    TABLE[t * 256 + i] = ((prev >>> 8) ^ TABLE[prev & 0xff]!) >>> 0;
  }
}

export function crc32c(buf: Uint8Array, start = 0, end = buf.length): number {
  const t = TABLE;
  let c = 0xffffffff;
  let i = start;
  while (end - i >= 8) {
    c ^= buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
    c =
      t[1792 + (c & 0xff)]! ^
      t[1536 + ((c >>> 8) & 0xff)]! ^
      t[1280 + ((c >>> 16) & 0xff)]! ^
      t[1024 + (c >>> 24)]! ^
      t[768 + buf[i + 4]!]! ^
      t[512 + buf[i + 5]!]! ^
      t[256 + buf[i + 6]!]! ^
      t[buf[i + 7]!]!;
    i += 8;
  }
  while (i < end) {
    c = t[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
    i++;
  }
  return (c ^ 0xffffffff) >>> 0;
}
