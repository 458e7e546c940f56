import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '@rapport/service-kit';
import { createTimers } from './timers.js';

const waitUntil = async (condition: () => boolean) => {
  for (let attempt = 0; attempt < 400 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(condition(), 'condition never held');
};

describe('support timers', () => {
  it('runs every job as of the clock time, and keeps running the others when one fails', async () => {
    const at = new Date('2025-03-10T09:30:00Z');
    const seen: string[] = [];
    const timers = createTimers({
      clock: { now: () => at },
      intervalMs: 1,
      logger: createLogger({ name: 'test', level: 'silent' }),
      jobs: [
        { name: 'failing', run: async () => Promise.reject(new Error('boom')) },
        { name: 'recording', run: async (now) => void seen.push(now.toISOString()) },
      ],
    });
    await timers.start();
    await waitUntil(() => seen.length >= 2);
    await timers.stop();
    const after = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(seen.length, after, 'no run after stop');
    assert.ok(seen.every((iso) => iso === at.toISOString()));
  });
});
