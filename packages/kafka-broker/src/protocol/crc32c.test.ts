import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32c } from './crc32c.js';

test('crc32c matches the Castagnoli check value and is position independent', () => {
  assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
  const padded = Buffer.from('xx123456789yy');
  assert.equal(crc32c(padded, 2, 11), 0xe3069283);
  assert.equal(crc32c(Buffer.alloc(0)), 0);
});
