import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ContactAddedV1, ContactConsentChangedV1, CustomerErasedV1, CustomersMergedV1, OrderPaidV1, TOPICS } from '@rapport/events';
import { resolveEntities, withTenant } from '@rapport/service-kit';
import { createEventPublisher, createTestTenant, type EventPublisher, type TestTenant } from '@rapport/test-kit';
import { COMMENT, openTicket, RESOLVE, startSupport, type SupportUnderTest } from './support/service.js';

let support: SupportUnderTest;
let publisher: EventPublisher;

before(async () => {
  [support, publisher] = await Promise.all([startSupport(), createEventPublisher()]);
});
after(async () => {
  await publisher.stop();
  await support.stop();
});

const INVITATIONS = `{ surveyInvitations(first: 20) { totalCount edges { node { id kind trigger sentAt customer { id } } } } }`;
const ANSWER = `mutation($input: AnswerSurveyInput!) { answerSurvey(input: $input) { surveyResponse { id } } }`;

/** Reads this tenant's rows until `check` returns a value: consumers apply events asynchronously. The bound only turns a hang into a failure. */
async function eventually<T>(tenant: TestTenant, what: string, sql: string, params: unknown[], check: (rows: any[]) => T | undefined): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await withTenant(support.service.dataSource, tenant.tenantId, (scope) => scope.manager.query(sql, params));
    const value = check(rows);
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function contactAdded(tenant: TestTenant, customerId: string, emailConsent: boolean, consentUpdatedAt: string) {
  return { tenantId: tenant.tenantId, customerId, payload: { contactId: randomUUID(), emailConsent, phoneConsent: false, consentUpdatedAt } };
}

function orderPaid(tenant: TestTenant, customerId: string, paidAt: string) {
  return {
    tenantId: tenant.tenantId,
    customerId,
    payload: { orderId: randomUUID(), totalAmount: '40.00', currency: 'EUR', paymentCount: 1, placedAt: paidAt, dueAt: null, paidAt },
  };
}

async function invitations(tenant: TestTenant) {
  return (await support.ok(await tenant.token(), INVITATIONS))['surveyInvitations'].edges.map((edge: any) => edge.node);
}

async function resolveTicketAt(tenant: TestTenant, customerId: string, at: string) {
  const token = await tenant.token(['support']);
  support.clock.set(at);
  const ticket = await openTicket(support, token, { customerId });
  await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } });
  return ticket;
}

describe('support: survey consent and timing from other services\' events', () => {
  it('invites no one without an email-consenting contact, learnt from ContactAdded', async () => {
    const tenant = createTestTenant();
    const customerId = randomUUID();
    await publisher.publish(ContactAddedV1, [contactAdded(tenant, customerId, false, '2025-09-01T08:00:00.000Z')]);
    await eventually(tenant, 'the refusing contact', `SELECT 1 FROM contact_consents WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, customerId], (rows) => (rows.length === 1 ? true : undefined));
    await resolveTicketAt(tenant, customerId, '2025-09-02T10:00:00Z');
    assert.deepEqual(await invitations(tenant), [], 'no consent, no invitation');
    const noContact = randomUUID();
    await resolveTicketAt(tenant, noContact, '2025-09-02T11:00:00Z');
    assert.deepEqual(await invitations(tenant), [], 'no contact at all, no invitation');

    const consented = await publisher.publish(ContactAddedV1, [contactAdded(tenant, customerId, true, '2025-09-03T08:00:00.000Z')]);
    await publisher.republish(TOPICS.customers, consented);
    await eventually(tenant, 'the consenting contact', `SELECT 1 FROM contact_consents WHERE tenant_id = $1 AND customer_id = $2 AND email_consent`, [tenant.tenantId, customerId], (rows) => (rows.length > 0 ? true : undefined));
    await resolveTicketAt(tenant, customerId, '2025-09-04T10:00:00Z');
    assert.deepEqual((await invitations(tenant)).map((each: any) => [each.kind, each.trigger, each.customer.id]), [['CSAT', 'TICKET_RESOLVED', customerId]]);

    // Withdrawn; a redelivered copy of the consent does not bring it back.
    const contactId = consented[0]!.payload.contactId;
    await publisher.publish(ContactConsentChangedV1, [
      { tenantId: tenant.tenantId, customerId, payload: { contactId, emailConsent: false, phoneConsent: false, consentUpdatedAt: '2025-09-10T08:00:00.000Z' } },
    ]);
    await publisher.republish(TOPICS.customers, consented);
    await eventually(tenant, 'the withdrawal', `SELECT 1 FROM contact_consents WHERE tenant_id = $1 AND customer_id = $2 AND email_consent`, [tenant.tenantId, customerId], (rows) => (rows.length === 0 ? true : undefined));
    await resolveTicketAt(tenant, customerId, '2025-11-01T10:00:00Z');
    assert.equal((await invitations(tenant)).length, 1, 'no survey after consent was withdrawn');
  });

  it('invites to NPS 90 days after the first paid order, then at most every 180 days, never within 30 days of another survey', async () => {
    const tenant = createTestTenant();
    const customerId = randomUUID();
    await publisher.publish(ContactAddedV1, [contactAdded(tenant, customerId, true, '2025-01-01T08:00:00.000Z')]);
    // A later order first, then the first one: the first paid date is the earliest.
    const paid = await publisher.publish(OrderPaidV1, [orderPaid(tenant, customerId, '2025-02-20T09:00:00.000Z'), orderPaid(tenant, customerId, '2025-01-10T09:00:00.000Z')]);
    await publisher.republish(TOPICS.orders, paid);
    await eventually(tenant, 'the first purchase', `SELECT first_paid_at FROM customer_first_purchases WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, customerId], (rows) =>
      rows[0]?.first_paid_at?.toISOString() === '2025-01-10T09:00:00.000Z' ? true : undefined,
    );
    await eventually(tenant, 'the consent', `SELECT 1 FROM contact_consents WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, customerId], (rows) => (rows.length > 0 ? true : undefined));
    const sweep = (at: string) => support.jobs.surveys.inviteDueNps(new Date(at), { tenantId: tenant.tenantId });

    assert.equal(await sweep('2025-04-09T09:00:00Z'), 0, '89 days after the first purchase: too early');
    await resolveTicketAt(tenant, customerId, '2025-03-25T10:00:00Z');
    assert.equal(await sweep('2025-04-11T09:00:00Z'), 0, 'a CSAT survey 17 days ago: the 30-day rule holds the NPS back');
    assert.equal(await sweep('2025-04-25T10:00:01Z'), 1, 'due, and 31 days after the CSAT');
    assert.equal(await sweep('2025-04-25T10:00:01Z'), 0, 'a second run at the same time invites no one');
    assert.equal(await sweep('2025-09-01T10:00:00Z'), 0, '129 days after the last NPS: not yet');
    assert.equal(await sweep('2025-10-23T10:00:00Z'), 1, '181 days after the last NPS');
    assert.deepEqual(
      (await invitations(tenant)).map((each: any) => [each.kind, each.trigger, each.sentAt]),
      [
        ['NPS', 'NPS_EVERY_180_DAYS', '2025-10-23T10:00:00.000Z'],
        ['NPS', 'FIRST_ORDER_PLUS_90_DAYS', '2025-04-25T10:00:01.000Z'],
        ['CSAT', 'TICKET_RESOLVED', '2025-03-25T10:00:00.000Z'],
      ],
    );
    const noConsent = randomUUID();
    await publisher.publish(OrderPaidV1, [orderPaid(tenant, noConsent, '2025-01-10T09:00:00.000Z')]);
    await eventually(tenant, 'the unconsented purchase', `SELECT 1 FROM customer_first_purchases WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, noConsent], (rows) => (rows.length > 0 ? true : undefined));
    assert.equal(await sweep('2025-12-01T10:00:00Z'), 0, 'a paying customer without consent is never invited');
  });

  it('re-points tickets, invitations, answers, consents and the first purchase of merged customers to the survivor', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const [survivorId, mergedId] = [randomUUID(), randomUUID()];
    await publisher.publish(ContactAddedV1, [contactAdded(tenant, mergedId, true, '2025-01-01T08:00:00.000Z')]);
    await publisher.publish(OrderPaidV1, [orderPaid(tenant, mergedId, '2025-01-10T09:00:00.000Z'), orderPaid(tenant, survivorId, '2025-03-10T09:00:00.000Z')]);
    await eventually(tenant, 'both purchases and the consent', `SELECT (SELECT count(*)::int FROM customer_first_purchases WHERE tenant_id = $1) + (SELECT count(*)::int FROM contact_consents WHERE tenant_id = $1) AS n`, [tenant.tenantId], (rows) => (rows[0]?.n === 3 ? true : undefined));
    const ticket = await resolveTicketAt(tenant, mergedId, '2025-02-01T10:00:00Z');
    const [invitation] = await invitations(tenant);
    await support.ok(token, ANSWER, { input: { invitationId: invitation.id, score: 5 } });

    await publisher.publish(CustomersMergedV1, [{ tenantId: tenant.tenantId, customerId: survivorId, payload: { survivorId, mergedIds: [mergedId], mergedAt: '2025-03-01T00:00:00.000Z' } }]);
    await eventually(tenant, 'the merge', `SELECT customer_id FROM tickets WHERE tenant_id = $1`, [tenant.tenantId], (rows) => (rows[0]?.customer_id === survivorId ? true : undefined));
    const [survivor, merged] = await resolveEntities(support.service.subgraph, token, 'Customer', [survivorId, mergedId], 'tickets { totalCount edges { node { id } } } satisfaction { csat responses }');
    assert.deepEqual(survivor, { tickets: { totalCount: 1, edges: [{ node: { id: ticket['id'] } }] }, satisfaction: { csat: 100, responses: 1 } });
    assert.deepEqual(merged, { tickets: { totalCount: 0, edges: [] }, satisfaction: { csat: null, responses: 0 } });
    assert.deepEqual((await invitations(tenant)).map((each: any) => each.customer.id), [survivorId]);
    const rows = await withTenant(support.service.dataSource, tenant.tenantId, (scope) =>
      scope.manager.query(`SELECT customer_id, first_paid_at FROM customer_first_purchases WHERE tenant_id = $1 UNION ALL SELECT customer_id, NULL FROM contact_consents WHERE tenant_id = $1`, [tenant.tenantId]),
    );
    assert.deepEqual(
      rows.map((row: any) => [row.customer_id, row.first_paid_at?.toISOString() ?? null]),
      [
        [survivorId, '2025-01-10T09:00:00.000Z'],
        [survivorId, null],
      ],
      'one first purchase, the earliest of both; the consent follows',
    );
  });

  it('erases ticket subjects, descriptions, comment bodies and answer comments of an erased customer, and surveys it no more', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const [erasedId, keptId] = [randomUUID(), randomUUID()];
    await publisher.publish(ContactAddedV1, [contactAdded(tenant, erasedId, true, '2025-01-01T08:00:00.000Z')]);
    await eventually(tenant, 'the consent', `SELECT 1 FROM contact_consents WHERE tenant_id = $1`, [tenant.tenantId], (rows) => (rows.length > 0 ? true : undefined));
    support.clock.set('2025-02-01T10:00:00Z');
    const ticket = await openTicket(support, token, { customerId: erasedId, subject: 'Refund for Jane Roe', description: 'Jane Roe, 12 High Street, wants her money back' });
    await support.ok(token, COMMENT, { input: { ticketId: ticket['id'], body: 'Called Jane on +44 20 7946 0000', public: true } });
    await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } });
    const [invitation] = await invitations(tenant);
    await support.ok(token, ANSWER, { input: { invitationId: invitation.id, score: 2, comment: 'Jane here: too slow' } });
    const kept = await openTicket(support, token, { customerId: keptId, subject: 'Kept subject', description: 'Kept description' });

    await publisher.publish(CustomerErasedV1, [{ tenantId: tenant.tenantId, customerId: erasedId, payload: { erasedAt: '2025-02-02T00:00:00.000Z' } }]);
    await eventually(tenant, 'the erasure', `SELECT description FROM tickets WHERE id = $2 AND tenant_id = $1`, [tenant.tenantId, ticket['id']], (rows) => (rows[0]?.description === null ? true : undefined));
    const left = await withTenant(support.service.dataSource, tenant.tenantId, (scope) =>
      scope.manager.query(
        `SELECT 'tickets' AS source, t::text AS row FROM tickets t WHERE tenant_id = $1
         UNION ALL SELECT 'ticket_comments', c::text FROM ticket_comments c WHERE tenant_id = $1
         UNION ALL SELECT 'survey_responses', r::text FROM survey_responses r WHERE tenant_id = $1`,
        [tenant.tenantId],
      ),
    );
    assert.deepEqual(left.filter((row: any) => /jane|high street|7946/i.test(row.row)), [], 'no personal text of the erased customer is left');
    assert.ok(left.some((row: any) => row.row.includes('Kept description')), 'another customer\'s ticket is kept');
    const [read] = await resolveEntities(support.service.subgraph, token, 'Ticket', [ticket['id']], 'subject status comments { body public }');
    assert.deepEqual(read, { subject: 'Erased ticket', status: 'RESOLVED', comments: [{ body: 'Erased comment', public: true }] });
    assert.ok(kept['id']);
    support.clock.set('2025-06-01T10:00:00Z');
    const again = await openTicket(support, token, { customerId: erasedId });
    await support.ok(token, RESOLVE, { input: { ticketId: again['id'] } });
    assert.equal((await invitations(tenant)).length, 1, 'no survey reaches an erased customer');
  });
});
