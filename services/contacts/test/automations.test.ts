import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DealStageChangedV1, DealWonV1, FollowUpRequestedV1, LeadConvertedV1, OrderPaidV1, RoutingRuleUpsertedV1, SurveyAnsweredV1, TOPICS } from '@rapport/events';
import { withTenant } from '@rapport/service-kit';
import { createEventPublisher, createTestTenant, tapEvents, type EventPublisher, type EventTap, type TestTenant } from '@rapport/test-kit';
import { createCustomer, startContacts, type ContactsUnderTest } from './support/service.js';

let contacts: ContactsUnderTest;
let events: EventTap;
let publisher: EventPublisher;

before(async () => {
  contacts = await startContacts();
  [events, publisher] = await Promise.all([tapEvents([TOPICS.customers, TOPICS.members]), createEventPublisher()]);
});
after(async () => {
  await Promise.all([events.stop(), publisher.stop()]);
  await contacts.stop();
});

const CUSTOMER = /* GraphQL */ `
  query($id: ID!) {
    customer(id: $id) {
      id name kind email country ownerId source lifecycleStage
      tasks { title status assigneeId reason dueAt }
      interactions(first: 20) { edges { node { kind summary memberId } } }
    }
  }
`;

/** Reads the customer until `done` holds: consumers apply events asynchronously. The bound only turns a hang into a failure. */
async function eventually(token: string, id: string, done: (customer: Record<string, any> | null) => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const customer = (await contacts.ok(token, CUSTOMER, { id }))['customer'] as Record<string, any> | null;
    if (done(customer)) return customer!;
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(customer)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Until the order's event is applied (its only trace when it moves nothing is the purchase fact). */
async function waitForPaidOrderFact(tenant: TestTenant, customerId: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await withTenant(contacts.service.dataSource, tenant.tenantId, (scope) =>
      scope.manager.query(`SELECT 1 FROM customer_purchase_facts WHERE tenant_id = $1 AND customer_id = $2 AND first_paid_order_at IS NOT NULL`, [
        tenant.tenantId,
        customerId,
      ]),
    );
    if (rows.length > 0) return;
    if (Date.now() > deadline) assert.fail('the OrderPaid event was not applied');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const lifecycleNotes = (customer: Record<string, any>) =>
  customer['interactions'].edges.map((edge: any) => edge.node).filter((node: any) => node.kind === 'NOTE' && node.summary?.startsWith('Lifecycle'));

function deal(customerId: string, ownerId: string | null, title: string) {
  return {
    dealId: randomUUID(),
    title,
    amount: '1200.00',
    currency: 'EUR',
    pipelineId: randomUUID(),
    ownerId,
    expectedCloseAt: null,
    createdAt: '2026-01-05T10:00:00.000Z',
  };
}

function wonDeal(tenant: TestTenant, customerId: string, ownerId: string | null, title: string, closedAt: string) {
  return { tenantId: tenant.tenantId, customerId, payload: { ...deal(customerId, ownerId, title), stageId: randomUUID(), closedAt } };
}

function orderPaid(tenant: TestTenant, customerId: string, paidAt: string) {
  return {
    tenantId: tenant.tenantId,
    customerId,
    payload: { orderId: randomUUID(), totalAmount: '99.00', currency: 'EUR', paymentCount: 1, placedAt: paidAt, dueAt: null, paidAt },
  };
}

describe('contacts: lifecycle and tasks from other services\' events', () => {
  it('moves a customer NURTURING -> RETENTION -> EXPANSION -> ADVOCACY from deal, order and survey events, once each despite redelivery', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const ownerId = randomUUID();
    const dealOwnerId = randomUUID();
    const customer = await createCustomer(contacts, token, { name: 'Initech', kind: 'BUSINESS', ownerId });

    const opened = await publisher.publish(DealStageChangedV1, [
      {
        tenantId: tenant.tenantId,
        customerId: customer.id,
        payload: { ...deal(customer.id, dealOwnerId, 'Pilot'), fromStageId: null, toStageId: randomUUID(), toStageName: 'Qualified', probability: 0.2, changedAt: '2026-01-05T10:00:00.000Z' },
      },
    ]);
    await eventually(token, customer.id, (c) => c?.['lifecycleStage'] === 'NURTURING', 'deal opened -> NURTURING');

    const won = await publisher.publish(DealWonV1, [wonDeal(tenant, customer.id, dealOwnerId, 'Pilot', '2026-02-01T12:00:00.000Z')]);
    let read = await eventually(token, customer.id, (c) => c?.['lifecycleStage'] === 'RETENTION', 'first won deal -> RETENTION');
    assert.deepEqual(read['tasks'], [
      { title: 'Onboard after won deal: Pilot', status: 'OPEN', assigneeId: dealOwnerId, reason: 'DEAL_WON', dueAt: '2026-02-04T12:00:00.000Z' },
    ]);

    // Redelivered (same ids) before the upsell, on the customer's partition: by the time the
    // upsell has applied, the copies have been read, and they must have done nothing.
    await publisher.republish(TOPICS.deals, [...opened, ...won]);
    await publisher.publish(DealWonV1, [wonDeal(tenant, customer.id, null, 'Second seat pack', '2026-03-01T12:00:00.000Z')]);
    read = await eventually(token, customer.id, (c) => c?.['lifecycleStage'] === 'EXPANSION', 'upsell won -> EXPANSION');
    await publisher.publish(SurveyAnsweredV1, [
      { tenantId: tenant.tenantId, customerId: customer.id, payload: { invitationId: randomUUID(), responseId: randomUUID(), kind: 'NPS', score: 7, trigger: 'FIRST_ORDER_PLUS_90_DAYS', answeredAt: '2026-03-10T09:00:00.000Z' } },
      { tenantId: tenant.tenantId, customerId: customer.id, payload: { invitationId: randomUUID(), responseId: randomUUID(), kind: 'NPS', score: 9, trigger: 'FIRST_ORDER_PLUS_90_DAYS', answeredAt: '2026-09-10T09:00:00.000Z' } },
    ]);
    read = await eventually(token, customer.id, (c) => c?.['lifecycleStage'] === 'ADVOCACY', 'NPS promoter -> ADVOCACY');
    // Only forward: a paid order arriving now does not send an advocate back to RETENTION.
    await publisher.publish(OrderPaidV1, [orderPaid(tenant, customer.id, '2026-09-20T09:00:00.000Z')]);
    await waitForPaidOrderFact(tenant, customer.id);
    read = (await contacts.ok(token, CUSTOMER, { id: customer.id }))['customer'];
    assert.equal(read['lifecycleStage'], 'ADVOCACY');
    assert.deepEqual(
      read['tasks'].map((task: any) => [task.title, task.assigneeId]),
      [
        ['Onboard after won deal: Pilot', dealOwnerId],
        ['Onboard after won deal: Second seat pack', ownerId],
      ],
      'one task per won deal; without a deal owner the customer owner gets it',
    );
    assert.deepEqual(
      lifecycleNotes(read).map((note: any) => [note.summary, note.memberId]).reverse(),
      [
        ['Lifecycle stage: ACQUISITION -> NURTURING (DEAL_OPENED)', null],
        ['Lifecycle stage: NURTURING -> RETENTION (FIRST_DEAL_WON)', null],
        ['Lifecycle stage: RETENTION -> EXPANSION (UPSELL_DEAL_WON)', null],
        ['Lifecycle stage: EXPANSION -> ADVOCACY (NPS_PROMOTER)', null],
      ],
    );
    const moves = events
      .received(tenant.tenantId)
      .filter((e) => e.type === 'LifecycleStageChanged')
      .map((e) => [e.payload['fromStage'], e.payload['toStage'], e.payload['reason'], e.key]);
    assert.deepEqual(moves, [
      ['ACQUISITION', 'NURTURING', 'DEAL_OPENED', customer.id],
      ['NURTURING', 'RETENTION', 'FIRST_DEAL_WON', customer.id],
      ['RETENTION', 'EXPANSION', 'UPSELL_DEAL_WON', customer.id],
      ['EXPANSION', 'ADVOCACY', 'NPS_PROMOTER', customer.id],
    ]);
    await events.waitFor(tenant.tenantId, (e) => e.type === 'TaskCreated' && e.payload['assigneeId'] === dealOwnerId, 'onboarding TaskCreated');
  });

  it('moves a customer to RETENTION on a first paid order, and a won deal after it is an upsell', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const customer = await createCustomer(contacts, token, { name: 'Hooli', kind: 'BUSINESS' });
    await publisher.publish(OrderPaidV1, [orderPaid(tenant, customer.id, '2026-01-10T09:00:00.000Z'), orderPaid(tenant, customer.id, '2026-02-10T09:00:00.000Z')]);
    await eventually(token, customer.id, (c) => c?.['lifecycleStage'] === 'RETENTION', 'first paid order -> RETENTION');
    await publisher.publish(DealWonV1, [wonDeal(tenant, customer.id, null, 'Add-on', '2026-03-01T12:00:00.000Z')]);
    const read = await eventually(token, customer.id, (c) => c?.['lifecycleStage'] === 'EXPANSION', 'deal won after a paid order -> EXPANSION');
    assert.deepEqual(lifecycleNotes(read).map((note: any) => note.summary).reverse(), [
      'Lifecycle stage: ACQUISITION -> RETENTION (FIRST_ORDER_PAID)',
      'Lifecycle stage: RETENTION -> EXPANSION (UPSELL_DEAL_WON)',
    ]);
  });

  it('turns a survey follow-up into one task for the customer owner', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const ownerId = randomUUID();
    const customer = await createCustomer(contacts, token, { name: 'Umbrella', kind: 'BUSINESS', ownerId });
    const requested = await publisher.publish(FollowUpRequestedV1, [
      { tenantId: tenant.tenantId, customerId: customer.id, payload: { invitationId: randomUUID(), responseId: randomUUID(), kind: 'NPS', score: 3, reason: 'NPS_DETRACTOR', requestedAt: '2026-04-01T08:00:00.000Z' } },
    ]);
    await publisher.republish(TOPICS.surveys, requested);
    // A later event of the same customer on the same topic: once it is applied, so is any copy before it.
    await publisher.publish(FollowUpRequestedV1, [
      { tenantId: tenant.tenantId, customerId: customer.id, payload: { invitationId: randomUUID(), responseId: randomUUID(), kind: 'CSAT', score: 1, reason: 'LOW_CSAT', requestedAt: '2026-04-02T08:00:00.000Z' } },
    ]);
    const read = await eventually(token, customer.id, (c) => c?.['tasks'].some((task: any) => task.reason === 'LOW_CSAT'), 'follow-up tasks');
    assert.deepEqual(read['tasks'], [
      { title: 'Follow up: NPS detractor (scored 3 of 10)', status: 'OPEN', assigneeId: ownerId, reason: 'NPS_DETRACTOR', dueAt: '2026-04-02T08:00:00.000Z' },
      { title: 'Follow up: low CSAT (scored 1 of 5)', status: 'OPEN', assigneeId: ownerId, reason: 'LOW_CSAT', dueAt: '2026-04-03T08:00:00.000Z' },
    ]);
  });

  it('creates the customer of a converted lead under the lead id, owned by its assignee', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const leadId = randomUUID();
    const assigneeId = randomUUID();
    const lead = {
      leadId,
      name: 'Ada Lovelace',
      email: 'ADA@Example.com',
      company: 'Analytical Engines',
      country: 'GB',
      industry: 'computing',
      source: 'ads',
      campaignId: null,
      createdAt: '2026-01-01T09:00:00.000Z',
      assigneeId,
      convertedAt: '2026-01-03T09:00:00.000Z',
      secondsToConvert: 172800,
    };
    await publisher.publish(LeadConvertedV1, [{ tenantId: tenant.tenantId, customerId: leadId, payload: { ...lead, createCustomer: true } }]);
    const read = await eventually(token, leadId, (c) => c !== null, 'customer from the converted lead');
    assert.deepEqual(
      { ...read, tasks: undefined, interactions: undefined },
      { id: leadId, name: 'Analytical Engines', kind: 'BUSINESS', email: 'ada@example.com', country: 'GB', ownerId: assigneeId, source: 'ads', lifecycleStage: 'ACQUISITION', tasks: undefined, interactions: undefined },
    );
    const created = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerCreated' && e.key === leadId, 'CustomerCreated');
    assert.equal(created.payload['ownerId'], assigneeId);
    const total = (await contacts.ok(token, `{ customers { totalCount } }`))['customers'].totalCount;
    assert.equal(total, 1);
  });

  it('moves a referrer to ADVOCACY when a customer it referred is created', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['marketing']);
    const referrer = await createCustomer(contacts, token, { name: 'Referrer', kind: 'INDIVIDUAL' });
    await createCustomer(contacts, token, { name: 'Referred', kind: 'INDIVIDUAL', referredById: referrer.id });
    const read = (await contacts.ok(token, CUSTOMER, { id: referrer.id }))['customer'];
    assert.equal(read.lifecycleStage, 'ADVOCACY');
    assert.deepEqual(lifecycleNotes(read).map((note: any) => note.summary), ['Lifecycle stage: ACQUISITION -> ADVOCACY (REFERRAL_MADE)']);
    const moved = await events.waitFor(tenant.tenantId, (e) => e.type === 'LifecycleStageChanged', 'LifecycleStageChanged');
    assert.equal(moved.key, referrer.id);
    assert.equal(moved.payload['reason'], 'REFERRAL_MADE');
  });

  it('updates a contact\'s consent, publishing ContactConsentChanged only on a change', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const customer = await createCustomer(contacts, token, { name: 'Consenting', kind: 'INDIVIDUAL' });
    const contact = (
      await contacts.ok(token, `mutation($input: AddContactInput!) { addContact(input: $input) { contact { id } } }`, {
        input: { customerId: customer.id, firstName: 'Con', email: 'con@example.com', emailConsent: true },
      })
    )['addContact'].contact;
    const UPDATE = `mutation($input: UpdateContactConsentInput!) { updateContactConsent(input: $input) { contact { id consent { email phone updatedAt } } } }`;
    const withdrawn = (await contacts.ok(token, UPDATE, { input: { contactId: contact.id, email: false } }))['updateContactConsent'].contact;
    assert.deepEqual({ email: withdrawn.consent.email, phone: withdrawn.consent.phone }, { email: false, phone: false });
    const same = (await contacts.ok(token, UPDATE, { input: { contactId: contact.id, email: false } }))['updateContactConsent'].contact;
    assert.equal(same.consent.updatedAt, withdrawn.consent.updatedAt, 'the same answer again changes nothing');
    assert.equal((await contacts.request(await createTestTenant().token(), UPDATE, { input: { contactId: contact.id, email: true } })).errors?.[0]?.extensions?.['code'], 'NOT_FOUND');
    assert.equal((await contacts.request(await tenant.token(['analyst']), UPDATE, { input: { contactId: contact.id, email: true } })).errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    await contacts.ok(token, UPDATE, { input: { contactId: contact.id, phone: true } });

    const changes = await events.waitFor(tenant.tenantId, (e) => e.type === 'ContactConsentChanged' && e.payload['phoneConsent'] === true, 'second ContactConsentChanged');
    assert.equal(changes.key, customer.id);
    assert.deepEqual(
      events.received(tenant.tenantId).filter((e) => e.type === 'ContactConsentChanged').map((e) => [e.payload['contactId'], e.payload['emailConsent'], e.payload['phoneConsent']]),
      [
        [contact.id, false, false],
        [contact.id, false, true],
      ],
    );
  });

  it('gives a new customer without an owner one by the lead routing rules, round-robin by open load, or none when no rule matches', async () => {
    const tenant = createTestTenant();
    const admin = await tenant.token(['admin']);
    const UPSERT = `mutation($input: UpsertMemberInput!) { upsertMember(input: $input) { member { id } } }`;
    const member = async (name: string, input: Record<string, unknown>) =>
      (await contacts.ok(admin, UPSERT, { input: { name, email: `${name}@example.com`, ...input } }))['upsertMember'].member.id as string;
    const anna = await member('anna', { territories: ['DE'], skills: ['saas'] });
    const bert = await member('bert', { territories: ['DE', 'AT'], skills: ['saas'] });
    await member('carl', { territories: ['DE'], skills: ['retail'] });
    await member('dora', { territories: ['DE'], skills: ['saas'], available: false });
    const ruleId = randomUUID();
    const rule = (skill: string, updatedAt: string) => ({
      tenantId: tenant.tenantId,
      customerId: ruleId,
      payload: { ruleId, name: 'DACH SaaS', priority: 10, country: 'DE', industry: null, source: null, skill, createdAt: '2026-01-01T00:00:00.000Z', updatedAt },
    });
    // The newer rule, then an older version replayed late: the newer one stays.
    await publisher.publish(RoutingRuleUpsertedV1, [rule('saas', '2026-01-02T00:00:00.000Z'), rule('retail', '2026-01-01T00:00:00.000Z')]);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const rows = await withTenant(contacts.service.dataSource, tenant.tenantId, (scope) => scope.manager.query(`SELECT skill FROM routing_rules WHERE tenant_id = $1`, [tenant.tenantId]));
      if (rows.length > 0) break;
      if (Date.now() > deadline) assert.fail('the routing rule did not arrive');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const token = await tenant.token(['sales']);
    const createCustomer = async (_contacts: unknown, _token: string, input: Record<string, unknown>) =>
      (await contacts.ok(token, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id ownerId } } }`, { input }))['createCustomer'].customer as Record<string, any>;
    const owners: (string | null)[] = [];
    for (let index = 0; index < 4; index += 1) {
      owners.push((await createCustomer(contacts, token, { name: `DE ${index}`, kind: 'BUSINESS', country: 'de' }))['ownerId'] ?? null);
    }
    assert.deepEqual([...owners].sort(), [anna, anna, bert, bert].sort(), 'two each: the least open load first');
    assert.notEqual(owners[0], owners[1]);
    const elsewhere = await createCustomer(contacts, token, { name: 'FR', kind: 'BUSINESS', country: 'FR' });
    assert.equal(elsewhere['ownerId'] ?? null, null, 'no rule matches: unowned');
    const chosen = randomUUID();
    const given = await createCustomer(contacts, token, { name: 'Given', kind: 'BUSINESS', country: 'DE', ownerId: chosen });
    assert.equal(given['ownerId'], chosen, 'an owner given by hand is kept');
    const created = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerCreated' && e.payload['name'] === 'DE 0', 'CustomerCreated');
    assert.equal(created.payload['ownerId'], owners[0]);
  });

  it('publishes MemberUpserted (without the email) on the members topic for every upsert', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['admin']);
    const member = (
      await contacts.ok(token, `mutation($input: UpsertMemberInput!) { upsertMember(input: $input) { member { id } } }`, {
        input: { name: 'Grace', email: 'grace@example.com', team: 'sales', territories: ['de', 'at'], skills: ['saas'], available: true },
      })
    )['upsertMember'].member;
    await contacts.ok(token, `mutation($input: UpsertMemberInput!) { upsertMember(input: $input) { member { id } } }`, {
      input: { id: member.id, name: 'Grace', email: 'grace@example.com', available: false },
    });
    const changed = await events.waitFor(tenant.tenantId, (e) => e.type === 'MemberUpserted' && e.payload['available'] === false, 'second MemberUpserted');
    assert.equal(changed.topic, TOPICS.members);
    assert.equal(changed.key, member.id);
    assert.deepEqual(changed.payload, { memberId: member.id, name: 'Grace', team: 'sales', territories: ['DE', 'AT'], skills: ['saas'], available: false, updatedAt: changed.payload['updatedAt'] });
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'MemberUpserted').length, 2);
  });
});
