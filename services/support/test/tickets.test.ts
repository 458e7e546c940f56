import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import {
  ASSIGN,
  COMMENT,
  errorOf,
  OPEN_TICKET,
  openTicket,
  REOPEN,
  RESOLVE,
  SET_PENDING,
  startSupport,
  TICKET,
  type SupportUnderTest,
} from './support/service.js';

let support: SupportUnderTest;
let events: EventTap;

before(async () => {
  [support, events] = await Promise.all([startSupport(), tapEvents([TOPICS.tickets])]);
});
after(async () => {
  await events.stop();
  await support.stop();
});

const countRows = async (table: string, tenantId: string) =>
  Number((await support.service.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0].n);

describe('support: ticket lifecycle', () => {
  it('opens a NEW ticket with priority NORMAL and channel email by default, and publishes TicketOpened keyed by the customer', async () => {
    const tenant = createTestTenant();
    const customerId = randomUUID();
    const ticket = await openTicket(support, await tenant.token(['support']), { customerId, description: 'Password reset fails' });
    assert.equal(ticket['status'], 'NEW');
    assert.equal(ticket['priority'], 'NORMAL');
    assert.equal(ticket['channel'], 'email');
    assert.equal(ticket['description'], 'Password reset fails');
    assert.deepEqual(ticket['customer'], { id: customerId });
    const opened = await events.waitFor(tenant.tenantId, (event) => event.type === 'TicketOpened', 'TicketOpened');
    assert.equal(opened.topic, TOPICS.tickets);
    assert.equal(opened.key, customerId);
    assert.equal(opened.payload['ticketId'], ticket['id']);
    assert.equal(opened.payload['priority'], 'NORMAL');
    assert.equal('subject' in opened.payload, false, 'free text stays out of events');
  });

  it('rejects an empty subject or a customer id that is not a UUID, writing nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const empty = await support.request(token, OPEN_TICKET, { input: { customerId: randomUUID(), subject: '  ' } });
    assert.deepEqual(errorOf(empty), { code: 'BAD_USER_INPUT', field: 'subject' });
    const badCustomer = await support.request(token, OPEN_TICKET, { input: { customerId: 'nope', subject: 'Help' } });
    assert.deepEqual(errorOf(badCustomer), { code: 'BAD_USER_INPUT', field: 'customerId' });
    assert.equal(await countRows('tickets', tenant.tenantId), 0);
    assert.equal(await countRows('outbox', tenant.tenantId), 0);
  });

  it('takes the first public comment of a member as the first response, once, and not an internal note', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    const internal = (await support.ok(token, COMMENT, { input: { ticketId: ticket['id'], body: 'Checking logs', public: false } }))['commentOnTicket'].ticket;
    assert.equal(internal.firstResponseAt, null);
    assert.equal(internal.status, 'NEW');
    const answered = (await support.ok(token, COMMENT, { input: { ticketId: ticket['id'], body: 'We are on it' } }))['commentOnTicket'].ticket;
    assert.ok(answered.firstResponseAt);
    assert.equal(answered.status, 'OPEN');
    const again = (await support.ok(token, COMMENT, { input: { ticketId: ticket['id'], body: 'Fixed soon' } }))['commentOnTicket'].ticket;
    assert.equal(again.firstResponseAt, answered.firstResponseAt);
    assert.deepEqual(
      again.comments.map((comment: Record<string, unknown>) => [comment['body'], comment['public'], comment['authorId']]),
      [
        ['Checking logs', false, tenant.memberId],
        ['We are on it', true, tenant.memberId],
        ['Fixed soon', true, tenant.memberId],
      ],
    );
    const responded = await events.waitFor(tenant.tenantId, (event) => event.type === 'TicketFirstResponded', 'TicketFirstResponded');
    assert.equal(responded.payload['responderId'], tenant.memberId);
    assert.equal(responded.payload['respondedAt'], answered.firstResponseAt);
    await events.waitFor(tenant.tenantId, (event) => event.type === 'TicketStatusChanged' && event.payload['toStatus'] === 'OPEN', 'move to OPEN');
    assert.equal(events.received(tenant.tenantId).filter((event) => event.type === 'TicketFirstResponded').length, 1);
  });

  it('assigns and unassigns a ticket, publishing TicketAssigned, and rejects an assignee that is not a member id', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    const memberId = randomUUID();
    const assigned = (await support.ok(token, ASSIGN, { input: { ticketId: ticket['id'], assigneeId: memberId } }))['assignTicket'].ticket;
    assert.equal(assigned.assigneeId, memberId);
    const unassigned = (await support.ok(token, ASSIGN, { input: { ticketId: ticket['id'], assigneeId: null } }))['assignTicket'].ticket;
    assert.equal(unassigned.assigneeId, null);
    const bad = await support.request(token, ASSIGN, { input: { ticketId: ticket['id'], assigneeId: 'bob' } });
    assert.deepEqual(errorOf(bad), { code: 'BAD_USER_INPUT', field: 'assigneeId' });
    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'TicketAssigned' && e.payload['assigneeId'] === memberId, 'TicketAssigned');
    assert.equal(event.payload['previousAssigneeId'], null);
    await events.waitFor(tenant.tenantId, (e) => e.type === 'TicketAssigned' && e.payload['assigneeId'] === null, 'unassignment');
  });

  it('resolves a ticket once (a retry changes nothing), reopens it to OPEN, and refuses to reopen an open one', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    const resolved = (await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } }))['resolveTicket'].ticket;
    assert.equal(resolved.status, 'RESOLVED');
    assert.ok(resolved.resolvedAt);
    const retried = (await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } }))['resolveTicket'].ticket;
    assert.equal(retried.resolvedAt, resolved.resolvedAt);
    const reopened = (await support.ok(token, REOPEN, { input: { ticketId: ticket['id'] } }))['reopenTicket'].ticket;
    assert.equal(reopened.status, 'OPEN');
    assert.equal(reopened.resolvedAt, null);
    const again = await support.request(token, REOPEN, { input: { ticketId: ticket['id'] } });
    assert.deepEqual(errorOf(again), { code: 'BAD_USER_INPUT', field: 'ticketId' });

    const resolvedEvent = await events.waitFor(tenant.tenantId, (e) => e.type === 'TicketResolved', 'TicketResolved');
    assert.equal(resolvedEvent.payload['reopenCount'], 0);
    assert.equal(resolvedEvent.payload['slaBreached'], false);
    await events.waitFor(
      tenant.tenantId,
      (e) => e.type === 'TicketStatusChanged' && e.payload['fromStatus'] === 'RESOLVED' && e.payload['toStatus'] === 'OPEN',
      'reopen move',
    );
    const resolvedAgain = (await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } }))['resolveTicket'].ticket;
    assert.equal(resolvedAgain.status, 'RESOLVED');
    await events.waitFor(tenant.tenantId, (e) => e.type === 'TicketResolved' && e.payload['reopenCount'] === 1, 'second TicketResolved');
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'TicketResolved').length, 2);
  });

  it('sets a ticket PENDING while waiting on the customer and back to OPEN, but not a resolved one', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    const pending = (await support.ok(token, SET_PENDING, { input: { ticketId: ticket['id'], pending: true } }))['setTicketPending'].ticket;
    assert.equal(pending.status, 'PENDING');
    const open = (await support.ok(token, SET_PENDING, { input: { ticketId: ticket['id'], pending: false } }))['setTicketPending'].ticket;
    assert.equal(open.status, 'OPEN');
    await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } });
    const refused = await support.request(token, SET_PENDING, { input: { ticketId: ticket['id'], pending: true } });
    assert.deepEqual(errorOf(refused), { code: 'BAD_USER_INPUT', field: 'ticketId' });
    await events.waitFor(tenant.tenantId, (e) => e.type === 'TicketStatusChanged' && e.payload['toStatus'] === 'PENDING', 'move to PENDING');
  });

  it('closes a resolved ticket after seven quiet days, not before, and a closed ticket takes no resolution or comment', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    support.clock.set('2025-05-01T10:00:00Z');
    const ticket = await openTicket(support, token, { customerId: randomUUID() });
    await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } });
    assert.equal(await support.jobs.tickets.closeQuietTickets(new Date('2025-05-08T09:59:00Z'), { tenantId: tenant.tenantId }), 0);
    assert.equal(await support.jobs.tickets.closeQuietTickets(new Date('2025-05-08T10:00:00Z'), { tenantId: tenant.tenantId }), 1);
    const closed = (await support.ok(token, TICKET, { id: ticket['id'] }))['ticket'];
    assert.equal(closed.status, 'CLOSED');
    const changed = await events.waitFor(tenant.tenantId, (e) => e.type === 'TicketStatusChanged' && e.payload['toStatus'] === 'CLOSED', 'close');
    assert.equal(changed.payload['changedBy'], null);

    const comments = await countRows('ticket_comments', tenant.tenantId);
    const resolve = await support.request(token, RESOLVE, { input: { ticketId: ticket['id'] } });
    assert.deepEqual(errorOf(resolve), { code: 'BAD_USER_INPUT', field: 'ticketId' });
    const comment = await support.request(token, COMMENT, { input: { ticketId: ticket['id'], body: 'Anyone?' } });
    assert.deepEqual(errorOf(comment), { code: 'BAD_USER_INPUT', field: 'ticketId' });
    assert.equal(await countRows('ticket_comments', tenant.tenantId), comments);
  });

  it('answers NOT_FOUND for another tenant ticket on every mutation, and changes nothing there', async () => {
    const owner = createTestTenant();
    const other = createTestTenant();
    const ticket = await openTicket(support, await owner.token(), { customerId: randomUUID() });
    const token = await other.token();
    for (const [mutation, input] of [
      [COMMENT, { ticketId: ticket['id'], body: 'hi' }],
      [ASSIGN, { ticketId: ticket['id'], assigneeId: randomUUID() }],
      [RESOLVE, { ticketId: ticket['id'] }],
      [REOPEN, { ticketId: ticket['id'] }],
      [SET_PENDING, { ticketId: ticket['id'], pending: true }],
    ] as const) {
      assert.equal(errorOf(await support.request(token, mutation, { input }))['code'], 'NOT_FOUND');
    }
    assert.equal(errorOf(await support.request(token, RESOLVE, { input: { ticketId: 'not-a-uuid' } }))['code'], 'NOT_FOUND');
    const unchanged = (await support.ok(await owner.token(), TICKET, { id: ticket['id'] }))['ticket'];
    assert.equal(unchanged.status, 'NEW');
    assert.equal(await countRows('ticket_comments', owner.tenantId), 0);
  });
});
