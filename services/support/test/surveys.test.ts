import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveEntities } from '@rapport/service-kit';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents, type TestTenant } from '@rapport/test-kit';
import { errorOf, giveEmailConsent, openTicket, REOPEN, RESOLVE, startSupport, type SupportUnderTest } from './support/service.js';

let support: SupportUnderTest;
let events: EventTap;

before(async () => {
  [support, events] = await Promise.all([startSupport(), tapEvents([TOPICS.surveys])]);
});
after(async () => {
  await events.stop();
  await support.stop();
});

const INVITATIONS = `{ surveyInvitations(first: 10) { totalCount edges { node { id kind trigger sentAt answeredAt customer { id } } } } }`;
const ANSWER = `mutation($input: AnswerSurveyInput!) { answerSurvey(input: $input) { surveyResponse { id kind score comment answeredAt customer { id } } } }`;

/** A ticket opened and resolved for a customer who consented to email (the tenant is the token's). */
async function resolvedTicket(token: string, customerId: string) {
  const { tenant } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { tenant: string };
  await giveEmailConsent(support, tenant, customerId);
  const ticket = await openTicket(support, token, { customerId });
  await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } });
  return ticket;
}

async function invitations(tenant: TestTenant) {
  return (await support.ok(await tenant.token(), INVITATIONS))['surveyInvitations'];
}

/** An NPS invitation as the orders trigger will create it (that trigger is not built yet). */
async function npsInvitation(tenant: TestTenant, customerId: string): Promise<string> {
  const id = randomUUID();
  await support.service.dataSource.query(
    `INSERT INTO survey_invitations (id, tenant_id, customer_id, kind, trigger, sent_at) VALUES ($1, $2, $3, 'NPS', 'FIRST_ORDER_PLUS_90_DAYS', now())`,
    [id, tenant.tenantId, customerId],
  );
  return id;
}

describe('support: surveys', () => {
  it('invites to one CSAT survey when a ticket is resolved, and to none on a second resolution within 30 days', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const customerId = randomUUID();
    support.clock.set('2025-09-01T10:00:00Z');
    const ticket = await resolvedTicket(token, customerId);
    support.clock.set('2025-09-20T10:00:00Z');
    await resolvedTicket(token, customerId);
    const list = await invitations(tenant);
    assert.equal(list.totalCount, 1);
    assert.deepEqual(list.edges[0].node, {
      id: list.edges[0].node.id,
      kind: 'CSAT',
      trigger: 'TICKET_RESOLVED',
      sentAt: '2025-09-01T10:00:00.000Z',
      answeredAt: null,
      customer: { id: customerId },
    });
    const invited = await events.waitFor(tenant.tenantId, (event) => event.type === 'SurveyInvited', 'SurveyInvited');
    assert.equal(invited.key, customerId);
    assert.equal(invited.payload['ticketId'], ticket['id']);

    support.clock.set('2025-10-02T10:00:00Z');
    await resolvedTicket(token, customerId);
    assert.equal((await invitations(tenant)).totalCount, 2, 'invited again once 30 days have passed');
  });

  it('asks a CES survey when a ticket is resolved after a reopen', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const customerId = randomUUID();
    support.clock.set('2025-09-01T10:00:00Z');
    const ticket = await resolvedTicket(token, customerId);
    support.clock.set('2025-10-15T10:00:00Z');
    await support.ok(token, REOPEN, { input: { ticketId: ticket['id'] } });
    await support.ok(token, RESOLVE, { input: { ticketId: ticket['id'] } });
    const list = await invitations(tenant);
    assert.deepEqual(
      list.edges.map((edge: any) => [edge.node.kind, edge.node.trigger]),
      [
        ['CES', 'TICKET_RESOLVED_AFTER_REOPEN'],
        ['CSAT', 'TICKET_RESOLVED'],
      ],
    );
  });

  it('accepts one answer per invitation, on the scale of its kind, and publishes SurveyAnswered', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const customerId = randomUUID();
    await resolvedTicket(token, customerId);
    const invitationId = (await invitations(tenant)).edges[0].node.id;

    const outOfScale = await support.request(token, ANSWER, { input: { invitationId, score: 6 } });
    assert.deepEqual(errorOf(outOfScale), { code: 'BAD_USER_INPUT', field: 'score' });
    const zero = await support.request(token, ANSWER, { input: { invitationId, score: 0 } });
    assert.deepEqual(errorOf(zero), { code: 'BAD_USER_INPUT', field: 'score' });

    const answered = (await support.ok(token, ANSWER, { input: { invitationId, score: 5, comment: 'Quick and kind' } }))['answerSurvey'].surveyResponse;
    assert.deepEqual([answered.kind, answered.score, answered.comment, answered.customer.id], ['CSAT', 5, 'Quick and kind', customerId]);
    const twice = await support.request(token, ANSWER, { input: { invitationId, score: 4 } });
    assert.deepEqual(errorOf(twice), { code: 'BAD_USER_INPUT', field: 'invitationId' });

    const [customer] = await resolveEntities(support.service.subgraph, token, 'Customer', [customerId], 'satisfaction { csat responses }');
    assert.deepEqual(customer?.['satisfaction'], { csat: 100, responses: 1 });
    assert.ok((await invitations(tenant)).edges[0].node.answeredAt);
    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'SurveyAnswered', 'SurveyAnswered');
    assert.deepEqual([event.payload['score'], event.payload['kind'], 'comment' in event.payload], [5, 'CSAT', false]);
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'SurveyAnswered').length, 1);
  });

  it('requests a follow-up for a detractor NPS answer and for a CSAT of 1-2, not for a passive one', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const [detractor, passive] = [randomUUID(), randomUUID()];
    await support.ok(token, ANSWER, { input: { invitationId: await npsInvitation(tenant, detractor), score: 6 } });
    await support.ok(token, ANSWER, { input: { invitationId: await npsInvitation(tenant, passive), score: 7 } });
    const unhappy = randomUUID();
    await resolvedTicket(token, unhappy);
    const csat = (await invitations(tenant)).edges.find((edge: any) => edge.node.kind === 'CSAT').node.id;
    await support.ok(token, ANSWER, { input: { invitationId: csat, score: 2 } });

    const npsFollowUp = await events.waitFor(tenant.tenantId, (e) => e.type === 'FollowUpRequested' && e.key === detractor, 'NPS follow-up');
    assert.equal(npsFollowUp.payload['reason'], 'NPS_DETRACTOR');
    const csatFollowUp = await events.waitFor(tenant.tenantId, (e) => e.type === 'FollowUpRequested' && e.key === unhappy, 'CSAT follow-up');
    assert.equal(csatFollowUp.payload['reason'], 'LOW_CSAT');
    await events.waitFor(tenant.tenantId, (e) => e.type === 'SurveyAnswered' && e.key === passive, 'passive answer');
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'FollowUpRequested' && e.key === passive).length, 0);
  });

  it('answers NOT_FOUND for another tenant invitation, lists none of it, and lets analysts read invitations but not answer', async () => {
    const owner = createTestTenant();
    await resolvedTicket(await owner.token(), randomUUID());
    const invitationId = (await invitations(owner)).edges[0].node.id;
    const other = createTestTenant();
    assert.equal(errorOf(await support.request(await other.token(), ANSWER, { input: { invitationId, score: 3 } }))['code'], 'NOT_FOUND');
    assert.equal((await invitations(other)).totalCount, 0);
    assert.equal(errorOf(await support.request(await owner.token(['analyst']), ANSWER, { input: { invitationId, score: 3 } }))['code'], 'FORBIDDEN');
    const answered = await support.request(await owner.token(), ANSWER, { input: { invitationId, score: 3, comment: 'ok' } });
    assert.equal(answered.errors, undefined);
    const analystView = await support.request(await owner.token(['analyst']), `{ surveyInvitations { edges { node { kind answeredAt } } } }`);
    assert.equal(analystView.errors, undefined);
  });
});
