import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents, type TestTenant } from '@rapport/test-kit';
import { COMMENT, errorOf, openTicket, RESOLVE, SET_PENDING, startSupport, TICKET, UPSERT_POLICY, type SupportUnderTest } from './support/service.js';

let support: SupportUnderTest;
let events: EventTap;

before(async () => {
  [support, events] = await Promise.all([startSupport(), tapEvents([TOPICS.tickets])]);
});
after(async () => {
  await events.stop();
  await support.stop();
});

const BREACHED = `query($filter: TicketFilter) { tickets(filter: $filter) { totalCount edges { node { id } } } }`;
const POLICIES = `{ slaPolicies { id priority firstResponseMinutes resolutionMinutes } }`;
const HOURS = `mutation($input: UpsertBusinessHoursInput!) { upsertBusinessHours(input: $input) { businessHours { weekdays start end } } }`;

async function tenantWithPolicy(firstResponseMinutes: number, resolutionMinutes: number): Promise<{ tenant: TestTenant; token: string }> {
  const tenant = createTestTenant();
  const token = await tenant.token(['support']);
  await support.ok(token, UPSERT_POLICY, { input: { priority: 'NORMAL', firstResponseMinutes, resolutionMinutes } });
  return { tenant, token };
}

async function breachedAt(token: string, ticketId: string, iso: string): Promise<boolean> {
  support.clock.set(iso);
  return (await support.ok(token, TICKET, { id: ticketId }))['ticket'].slaBreached;
}

describe('support: SLA clocks', () => {
  it('counts only business hours: a ticket opened Friday 17:30 with a 60-minute target breaches Monday 09:30, not Friday 18:30', async () => {
    const { tenant, token } = await tenantWithPolicy(60, 6000);
    support.clock.set('2025-03-07T17:30:00Z');
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    assert.equal(await breachedAt(token, ticket['id'], '2025-03-07T18:31:00Z'), false);
    assert.equal(await support.jobs.sla.checkBreaches(new Date('2025-03-07T18:31:00Z'), { tenantId: tenant.tenantId }), 0);
    assert.equal(await breachedAt(token, ticket['id'], '2025-03-10T09:29:59Z'), false);
    assert.equal(await breachedAt(token, ticket['id'], '2025-03-10T09:30:01Z'), true);

    assert.equal(await support.jobs.sla.checkBreaches(new Date('2025-03-10T09:31:00Z'), { tenantId: tenant.tenantId }), 1);
    assert.equal(await support.jobs.sla.checkBreaches(new Date('2025-03-10T09:45:00Z'), { tenantId: tenant.tenantId }), 0, 'published once');
    const breach = await events.waitFor(tenant.tenantId, (event) => event.type === 'SlaBreached', 'SlaBreached');
    assert.equal(breach.key, ticket['customer'].id);
    assert.deepEqual(
      { target: breach.payload['target'], dueAt: breach.payload['dueAt'], targetMinutes: breach.payload['targetMinutes'] },
      { target: 'FIRST_RESPONSE', dueAt: '2025-03-10T09:30:00.000Z', targetMinutes: 60 },
    );
  });

  it('stops the clock while PENDING: 30 pending minutes move the breach by 30 minutes', async () => {
    const { tenant, token } = await tenantWithPolicy(60, 6000);
    support.clock.set('2025-03-10T09:00:00Z');
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    support.clock.set('2025-03-10T09:10:00Z');
    await support.ok(token, SET_PENDING, { input: { ticketId: ticket['id'], pending: true } });
    // Long past the plain due time, but the clock stands still while waiting on the customer.
    assert.equal(await breachedAt(token, ticket['id'], '2025-03-10T09:40:00Z'), false);
    await support.ok(token, SET_PENDING, { input: { ticketId: ticket['id'], pending: false } });
    assert.equal(await breachedAt(token, ticket['id'], '2025-03-10T10:29:00Z'), false);
    const breached = (await support.ok(token, BREACHED, { filter: { breached: true } }))['tickets'];
    assert.equal(breached.totalCount, 0);
    assert.equal(await breachedAt(token, ticket['id'], '2025-03-10T10:31:00Z'), true);
    const nowBreached = (await support.ok(token, BREACHED, { filter: { breached: true } }))['tickets'];
    assert.deepEqual(nowBreached.edges.map((edge: any) => edge.node.id), [ticket['id']]);
    const notBreached = (await support.ok(token, BREACHED, { filter: { breached: false } }))['tickets'];
    assert.equal(notBreached.totalCount, 0);
    assert.equal(await support.jobs.sla.checkBreaches(new Date('2025-03-10T10:31:00Z'), { tenantId: tenant.tenantId }), 1);
  });

  it('keeps a ticket answered and resolved in time unbreached forever, from its stored times', async () => {
    const { tenant, token } = await tenantWithPolicy(60, 120);
    support.clock.set('2025-03-11T09:00:00Z');
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    support.clock.set('2025-03-11T09:59:00Z');
    await support.ok(token, COMMENT, { input: { ticketId: ticket['id'], body: 'Looking into it' } });
    support.clock.set('2025-03-11T10:59:00Z');
    await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } });
    assert.equal(await breachedAt(token, ticket['id'], '2026-01-01T12:00:00Z'), false);
    assert.equal(await support.jobs.sla.checkBreaches(new Date('2026-01-01T12:00:00Z'), { tenantId: tenant.tenantId }), 0);
  });

  it('publishes the breach of a late first response with the response itself, once', async () => {
    const { tenant, token } = await tenantWithPolicy(60, 6000);
    support.clock.set('2025-03-12T09:00:00Z');
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    support.clock.set('2025-03-12T10:15:00Z');
    const answered = (await support.ok(token, COMMENT, { input: { ticketId: ticket['id'], body: 'Sorry for the wait' } }))['commentOnTicket'].ticket;
    assert.equal(answered.slaBreached, true);
    const breach = await events.waitFor(tenant.tenantId, (event) => event.type === 'SlaBreached', 'SlaBreached');
    assert.equal(breach.payload['detectedAt'], '2025-03-12T10:15:00.000Z');
    assert.equal(await support.jobs.sla.checkBreaches(new Date('2025-03-12T11:00:00Z'), { tenantId: tenant.tenantId }), 0);
    const resolved = (await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } }))['resolveTicket'].ticket;
    assert.equal(resolved.slaBreached, true, 'a missed target stays missed');
  });

  it('works Monday to Friday 09:00-18:00 UTC until a tenant sets its own hours', async () => {
    const hours = (await support.ok(await createTestTenant().token(['analyst']), `{ businessHours { weekdays start end } }`))['businessHours'];
    assert.deepEqual(hours, { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' });
  });

  it('follows the tenant business hours, and re-times open tickets when they change', async () => {
    const { token } = await tenantWithPolicy(60, 6000);
    support.clock.set('2025-03-07T17:30:00Z');
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    // Saturdays 10:00-12:00 only: due Saturday 11:00.
    const hours = (await support.ok(token, HOURS, { input: { weekdays: [6], start: '10:00', end: '12:00' } }))['upsertBusinessHours'];
    assert.deepEqual(hours.businessHours, { weekdays: [6], start: '10:00', end: '12:00' });
    assert.equal(await breachedAt(token, ticket['id'], '2025-03-08T10:59:00Z'), false);
    assert.equal(await breachedAt(token, ticket['id'], '2025-03-08T11:01:00Z'), true);
    const bad = await support.request(token, HOURS, { input: { weekdays: [1], start: '18:00', end: '09:00' } });
    assert.deepEqual(errorOf(bad), { code: 'BAD_USER_INPUT', field: 'end' });
    const badDay = await support.request(token, HOURS, { input: { weekdays: [0], start: '09:00', end: '18:00' } });
    assert.deepEqual(errorOf(badDay), { code: 'BAD_USER_INPUT', field: 'weekdays' });
  });

  it('keeps one policy per priority, validates targets, lets only support and admin write, and shows no other tenant policies', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const first = (await support.ok(token, UPSERT_POLICY, { input: { priority: 'HIGH', firstResponseMinutes: 30, resolutionMinutes: 240 } }))['upsertSlaPolicy'].slaPolicy;
    const second = (await support.ok(token, UPSERT_POLICY, { input: { priority: 'HIGH', firstResponseMinutes: 15, resolutionMinutes: 120 } }))['upsertSlaPolicy'].slaPolicy;
    assert.equal(second.id, first.id);
    await support.ok(token, UPSERT_POLICY, { input: { priority: 'LOW', firstResponseMinutes: 600, resolutionMinutes: 6000 } });
    const policies = (await support.ok(await tenant.token(['analyst']), POLICIES))['slaPolicies'];
    assert.deepEqual(
      policies.map((policy: any) => [policy.priority, policy.firstResponseMinutes, policy.resolutionMinutes]),
      [
        ['LOW', 600, 6000],
        ['HIGH', 15, 120],
      ],
    );
    const zero = await support.request(token, UPSERT_POLICY, { input: { priority: 'URGENT', firstResponseMinutes: 0, resolutionMinutes: 60 } });
    assert.deepEqual(errorOf(zero), { code: 'BAD_USER_INPUT', field: 'firstResponseMinutes' });
    const sales = await support.request(await tenant.token(['sales']), UPSERT_POLICY, {
      input: { priority: 'URGENT', firstResponseMinutes: 5, resolutionMinutes: 60 },
    });
    assert.equal(errorOf(sales)['code'], 'FORBIDDEN');
    assert.equal((await support.ok(token, POLICIES))['slaPolicies'].length, 2, 'nothing written by refused upserts');
    assert.deepEqual((await support.ok(await createTestTenant().token(), POLICIES))['slaPolicies'], []);
  });
});
