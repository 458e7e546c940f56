import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { newEventId } from '../src/index.js';

describe('event ids', () => {
  it('are UUIDs version 7 carrying their millisecond, which the envelope contract accepts', () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0, 123);
    const id = newEventId(now);
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(parseInt(id.replace(/-/g, '').slice(0, 12), 16), now);
    assert.ok(z.uuid().safeParse(id).success);
  });

  it('sort in time order across milliseconds and do not repeat', () => {
    const start = Date.now();
    const ids = Array.from({ length: 5_000 }, (_v, index) => newEventId(start + index));
    assert.deepEqual([...ids].sort(), ids);
    const many = Array.from({ length: 20_000 }, () => newEventId(start));
    assert.equal(new Set(many).size, many.length);
  });
});
