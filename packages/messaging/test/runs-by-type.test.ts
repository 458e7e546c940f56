import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runsByType } from '../src/index.js';

interface Fake {
  type: string;
  version: number;
  tenantId: string;
  customerId: string;
  position: number;
}

// A small deterministic generator: the same sequences on every run.
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % below;
  };
}

describe('runs by type', () => {
  it('keeps every event once, each customer in order, and each run of one type, version and tenant', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const next = random(seed);
      const events: Fake[] = Array.from({ length: 1 + next(300) }, (_v, position) => ({
        type: ['OrderPlaced', 'OrderPaid', 'TicketOpened'][next(3)]!,
        version: 1 + next(2),
        tenantId: `tenant-${next(2)}`,
        customerId: `customer-${next(1 + next(40))}`,
        position,
      }));
      const runs = runsByType(events);
      const flat = runs.flat();
      assert.deepEqual(flat.map((event) => event.position).sort((a, b) => a - b), events.map((event) => event.position));
      for (const run of runs) {
        assert.ok(run.length > 0);
        assert.ok(run.every((event) => event.type === run[0]!.type && event.version === run[0]!.version && event.tenantId === run[0]!.tenantId));
      }
      const seen = new Map<string, number>();
      for (const event of flat) {
        const customer = `${event.tenantId}|${event.customerId}`;
        assert.ok((seen.get(customer) ?? -1) < event.position, `seed ${seed}: ${customer} out of order`);
        seen.set(customer, event.position);
      }
    }
  });

  it('gathers alternating types of different customers into one run per type', () => {
    const events: Fake[] = [];
    for (let customer = 0; customer < 500; customer += 1) {
      for (const type of ['OrderPlaced', 'OrderPaid']) events.push({ type, version: 1, tenantId: 't', customerId: `c${customer}`, position: events.length });
    }
    const runs = runsByType(events);
    assert.deepEqual(runs.map((run) => [run[0]!.type, run.length]), [['OrderPlaced', 500], ['OrderPaid', 500]]);
  });

  it('continues a run into the next level when the types line up', () => {
    // c1: placed, paid; c2: paid, placed. Level 0 holds c1 placed and c2 paid; level 1 continues with c1 paid.
    const events: Fake[] = [
      { type: 'OrderPlaced', version: 1, tenantId: 't', customerId: 'c1', position: 0 },
      { type: 'OrderPaid', version: 1, tenantId: 't', customerId: 'c2', position: 1 },
      { type: 'OrderPaid', version: 1, tenantId: 't', customerId: 'c1', position: 2 },
      { type: 'OrderPlaced', version: 1, tenantId: 't', customerId: 'c2', position: 3 },
    ];
    assert.deepEqual(runsByType(events).map((run) => run.map((event) => event.position)), [[0], [1, 2], [3]]);
  });
});
