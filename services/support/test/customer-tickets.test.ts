import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveEntities } from '@rapport/service-kit';
import { createTestTenant } from '@rapport/test-kit';
import { openTicket, RESOLVE, startSupport, type SupportUnderTest } from './support/service.js';

let support: SupportUnderTest;

before(async () => {
  support = await startSupport();
});
after(async () => {
  await support.stop();
});

const ticketStatements = (statements: string[]) => statements.filter((sql) => /\btickets\b/.test(sql)).length;

describe('support: Customer.tickets', () => {
  it('pages each customer tickets newest first, filtered by status, with per-customer totals', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const [a, b, quiet] = [randomUUID(), randomUUID(), randomUUID()];
    const ids: string[] = [];
    for (let minute = 0; minute < 3; minute++) {
      support.clock.set(`2025-07-01T10:0${minute}:00Z`);
      ids.push((await openTicket(support, token, { customerId: a }))['id']);
    }
    const onB = await openTicket(support, token, { customerId: b });
    await support.ok(token, RESOLVE, { input: { ticketId: onB['id'] } });
    await openTicket(support, await createTestTenant().token(), { customerId: a });

    const selection = 'id tickets(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } }';
    const [customerA, customerB, customerQuiet] = await resolveEntities(support.service.subgraph, token, 'Customer', [a, b, quiet], selection);
    assert.equal(customerA?.['tickets'].totalCount, 3);
    assert.deepEqual(customerA?.['tickets'].edges.map((edge: any) => edge.node.id), [ids[2], ids[1]]);
    assert.equal(customerA?.['tickets'].pageInfo.hasNextPage, true);
    assert.equal(customerB?.['tickets'].totalCount, 1);
    assert.deepEqual(customerQuiet?.['tickets'], { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });

    const next = await resolveEntities(
      support.service.subgraph,
      token,
      'Customer',
      [a],
      `id tickets(first: 2, after: "${customerA?.['tickets'].pageInfo.endCursor}") { totalCount edges { node { id } } }`,
    );
    assert.deepEqual(next[0]?.['tickets'].edges.map((edge: any) => edge.node.id), [ids[0]]);
    assert.equal(next[0]?.['tickets'].totalCount, 3);

    const resolved = await resolveEntities(support.service.subgraph, token, 'Customer', [a, b], 'id tickets(status: RESOLVED) { totalCount edges { node { id } } }');
    assert.deepEqual(
      resolved.map((customer) => customer?.['tickets'].totalCount),
      [0, 1],
    );
  });

  it('reads the tickets of any number of customers with the same number of statements, satisfaction alongside', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const customers = Array.from({ length: 12 }, () => randomUUID());
    for (const customerId of customers) await openTicket(support, token, { customerId });
    const selection = 'id tickets { totalCount edges { node { id } } } satisfaction { responses }';

    let before = support.statements.length;
    const two = await resolveEntities(support.service.subgraph, token, 'Customer', customers.slice(0, 2), selection);
    const forTwo = ticketStatements(support.statements.slice(before));
    before = support.statements.length;
    const twelve = await resolveEntities(support.service.subgraph, token, 'Customer', customers, selection);
    const forTwelve = ticketStatements(support.statements.slice(before));

    assert.equal(forTwelve, forTwo);
    assert.ok(twelve.every((customer) => customer?.['tickets'].totalCount === 1 && customer?.['satisfaction'].responses === 0));
    assert.equal(two.length, 2);
  });
});
