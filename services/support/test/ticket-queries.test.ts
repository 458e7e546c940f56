import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveEntities } from '@rapport/service-kit';
import { createTestTenant } from '@rapport/test-kit';
import { ASSIGN, COMMENT, errorOf, openTicket, RESOLVE, startSupport, TICKET, type SupportUnderTest } from './support/service.js';

let support: SupportUnderTest;

before(async () => {
  support = await startSupport();
});
after(async () => {
  await support.stop();
});

const TICKETS = `query($first: Int, $after: String, $filter: TicketFilter) {
  tickets(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id subject } } }
}`;

describe('support: ticket queries', () => {
  it('lists tickets newest first in pages, with totalCount over every page', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const ids: string[] = [];
    for (let minute = 0; minute < 5; minute++) {
      support.clock.set(`2025-06-02T10:0${minute}:00Z`);
      ids.push((await openTicket(support, token, { customerId: randomUUID(), subject: `ticket ${minute}` }))['id']);
    }
    const firstPage = (await support.ok(token, TICKETS, { first: 2 }))['tickets'];
    assert.equal(firstPage.totalCount, 5);
    assert.deepEqual(firstPage.edges.map((edge: any) => edge.node.id), [ids[4], ids[3]]);
    assert.equal(firstPage.pageInfo.hasNextPage, true);
    const rest = (await support.ok(token, TICKETS, { first: 10, after: firstPage.pageInfo.endCursor }))['tickets'];
    assert.deepEqual(rest.edges.map((edge: any) => edge.node.id), [ids[2], ids[1], ids[0]]);
    assert.equal(rest.pageInfo.hasNextPage, false);
    const badCursor = await support.request(token, TICKETS, { after: 'garbage' });
    assert.deepEqual(errorOf(badCursor), { code: 'BAD_USER_INPUT', field: 'after' });
    const negative = await support.request(token, TICKETS, { first: -1 });
    assert.deepEqual(errorOf(negative), { code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('filters by status, priority, assignee and customer', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const customerId = randomUUID();
    const memberId = randomUUID();
    const urgent = await openTicket(support, token, { customerId, priority: 'URGENT' });
    const resolved = await openTicket(support, token, { customerId: randomUUID() });
    await support.ok(token, RESOLVE, { input: { ticketId: resolved['id'] } });
    await support.ok(token, ASSIGN, { input: { ticketId: urgent['id'], assigneeId: memberId } });
    const only = async (filter: Record<string, unknown>) =>
      (await support.ok(token, TICKETS, { filter }))['tickets'].edges.map((edge: any) => edge.node.id);
    assert.deepEqual(await only({ status: 'RESOLVED' }), [resolved['id']]);
    assert.deepEqual(await only({ priority: 'URGENT' }), [urgent['id']]);
    assert.deepEqual(await only({ assigneeId: memberId }), [urgent['id']]);
    assert.deepEqual(await only({ customerId }), [urgent['id']]);
    assert.deepEqual(await only({ customerId, status: 'RESOLVED' }), []);
    assert.deepEqual(await only({ customerId: 'not-a-uuid' }), []);
  });

  it('shows nothing of another tenant: ticket(id) is null, lists and _entities leave it out', async () => {
    const owner = createTestTenant();
    const ticket = await openTicket(support, await owner.token(), { customerId: randomUUID() });
    const other = await createTestTenant().token();
    assert.equal((await support.ok(other, TICKET, { id: ticket['id'] }))['ticket'], null);
    assert.equal((await support.ok(other, TICKET, { id: 'not-a-uuid' }))['ticket'], null);
    assert.equal((await support.ok(other, TICKETS, {}))['tickets'].totalCount, 0);
    assert.deepEqual(await resolveEntities(support.service.subgraph, other, 'Ticket', [ticket['id']], 'id subject'), [null]);
  });

  it('resolves Ticket entities by id for the gateway, several in one query', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const a = await openTicket(support, token, { customerId: randomUUID(), subject: 'A' });
    const b = await openTicket(support, token, { customerId: randomUUID(), subject: 'B' });
    const before = support.statements.length;
    const entities = await resolveEntities(support.service.subgraph, token, 'Ticket', [b['id'], a['id']], 'id subject status');
    assert.deepEqual(entities, [
      { id: b['id'], subject: 'B', status: 'NEW' },
      { id: a['id'], subject: 'A', status: 'NEW' },
    ]);
    assert.equal(support.statements.slice(before).filter((sql) => /FROM "tickets"/.test(sql)).length, 1);
  });

  it('lets sales and marketing read but not write, and denies a caller without a support role', async () => {
    const tenant = createTestTenant();
    const ticket = await openTicket(support, await tenant.token(['support']), { customerId: randomUUID(), description: 'secret' });
    for (const role of ['sales', 'marketing'] as const) {
      const token = await tenant.token([role]);
      assert.equal((await support.ok(token, TICKET, { id: ticket['id'] }))['ticket'].description, 'secret');
      assert.equal(errorOf(await support.request(token, RESOLVE, { input: { ticketId: ticket['id'] } }))['code'], 'FORBIDDEN');
      // The role is checked before the input, so a refused caller learns nothing from validation.
      assert.equal(errorOf(await support.request(token, COMMENT, { input: { ticketId: ticket['id'], body: ' ' } }))['code'], 'FORBIDDEN');
    }
    const none = await support.request(await tenant.token([]), TICKET, { id: ticket['id'] });
    assert.equal(errorOf(none)['code'], 'FORBIDDEN');
    const opened = await support.request(await tenant.token(['analyst']), `mutation { openTicket(input: { customerId: "${randomUUID()}", subject: "x" }) { ticket { id } } }`);
    assert.equal(errorOf(opened)['code'], 'FORBIDDEN');
    assert.equal((await support.ok(await tenant.token(), TICKETS, {}))['tickets'].totalCount, 1, 'refused writes wrote nothing');
  });

  it('gives analysts ticket aggregates but not what customers and members wrote', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const ticket = await openTicket(support, token, { customerId: randomUUID(), description: 'my card number is ...' });
    await support.ok(token, COMMENT, { input: { ticketId: ticket['id'], body: 'Please do not share it' } });
    const analyst = await tenant.token(['analyst']);
    const allowed = (await support.ok(analyst, `query($id: ID!) { ticket(id: $id) { status priority slaBreached firstResponseAt } }`, { id: ticket['id'] }))['ticket'];
    assert.equal(allowed.status, 'OPEN');
    assert.ok(allowed.firstResponseAt);
    const description = await support.request(analyst, `query($id: ID!) { ticket(id: $id) { id description } }`, { id: ticket['id'] });
    assert.equal(errorOf(description)['code'], 'FORBIDDEN');
    const comments = await support.request(analyst, `query($id: ID!) { ticket(id: $id) { id comments { body } } }`, { id: ticket['id'] });
    assert.equal(errorOf(comments)['code'], 'FORBIDDEN');
  });
});
