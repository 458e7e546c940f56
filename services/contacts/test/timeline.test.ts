import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import { createCustomer, errorOf, startContacts, type ContactsUnderTest } from './support/service.js';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordInteractionInput!) {
    recordInteraction(input: $input) { interaction { id kind occurredAt summary feature memberId } }
  }
`;
const TIMELINE = /* GraphQL */ `
  query Timeline($id: ID!, $first: Int, $after: String) {
    customer(id: $id) {
      lifecycleStage
      interactions(first: $first, after: $after) {
        totalCount
        edges { node { kind summary feature occurredAt lifecycleChange { fromStage toStage } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;
const SET_STAGE = /* GraphQL */ `
  mutation Stage($input: SetLifecycleStageInput!) { setLifecycleStage(input: $input) { customer { id lifecycleStage } } }
`;

let contacts: ContactsUnderTest;
let events: EventTap;
before(async () => {
  contacts = await startContacts();
  events = await tapEvents([TOPICS.customers, TOPICS.interactions]);
});
after(async () => {
  await events.stop();
  await contacts.stop();
});

describe('contacts: timeline', () => {
  it('records interactions, pages them newest first, and publishes InteractionRecorded on the interactions topic', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const customer = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    await contacts.ok(token, RECORD, { input: { customerId: customer.id, kind: 'CALL', occurredAt: '2026-01-01T10:00:00Z', summary: 'first' } });
    await contacts.ok(token, RECORD, { input: { customerId: customer.id, kind: 'EMAIL', occurredAt: '2026-03-01T10:00:00Z', summary: 'third' } });
    await contacts.ok(token, RECORD, { input: { customerId: customer.id, kind: 'MEETING', occurredAt: '2026-02-01T10:00:00Z', summary: 'second' } });
    const usage = await contacts.ok(token, RECORD, { input: { customerId: customer.id, kind: 'PRODUCT_USAGE', feature: 'reports' } });
    const recorded = usage['recordInteraction'].interaction;
    assert.equal(recorded.memberId, tenant.memberId);
    assert.ok(Date.parse(recorded.occurredAt) > Date.parse('2026-03-01T10:00:00Z'), 'occurredAt defaults to now');

    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: Record<string, any> = await contacts.ok(token, TIMELINE, { id: customer.id, first: 3, after: cursor });
      const connection = page['customer'].interactions;
      assert.equal(connection.totalCount, 4);
      seen.push(...connection.edges.map((edge: any) => edge.node.summary ?? edge.node.feature));
      if (!connection.pageInfo.hasNextPage) break;
      cursor = connection.pageInfo.endCursor;
    }
    assert.deepEqual(seen, ['reports', 'third', 'second', 'first']);

    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'InteractionRecorded' && (e.payload as any).kind === 'PRODUCT_USAGE', 'InteractionRecorded');
    assert.equal(event.topic, TOPICS.interactions);
    assert.equal(event.key, customer.id);
    assert.deepEqual(event.payload, {
      interactionId: recorded.id,
      kind: 'PRODUCT_USAGE',
      feature: 'reports',
      memberId: tenant.memberId,
      occurredAt: new Date(recorded.occurredAt).toISOString(),
    });
  });

  it('rejects product usage without a feature naming the field, and records nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['marketing']);
    const customer = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const result = await contacts.request(token, RECORD, { input: { customerId: customer.id, kind: 'PRODUCT_USAGE' } });
    assert.deepEqual(errorOf(result), { code: 'BAD_USER_INPUT', field: 'feature' });
    const read = await contacts.ok(token, TIMELINE, { id: customer.id });
    assert.equal(read['customer'].interactions.totalCount, 0);
  });

  it("answers NOT_FOUND for another tenant's customer and FORBIDDEN to an analyst", async () => {
    const owner = createTestTenant();
    const customer = await createCustomer(contacts, await owner.token(), { name: 'Private', kind: 'BUSINESS' });
    const stranger = await contacts.request(await createTestTenant().token(), RECORD, { input: { customerId: customer.id, kind: 'NOTE' } });
    assert.equal(errorOf(stranger).code, 'NOT_FOUND');
    const analyst = await contacts.request(await owner.token(['analyst']), RECORD, { input: { customerId: customer.id, kind: 'NOTE' } });
    assert.equal(errorOf(analyst).code, 'FORBIDDEN');
    const strangerStage = await contacts.request(await createTestTenant().token(), SET_STAGE, { input: { customerId: customer.id, stage: 'RETENTION' } });
    assert.equal(errorOf(strangerStage).code, 'NOT_FOUND');
  });
});

describe('contacts: lifecycle', () => {
  it('moves the stage by hand, shows the move on the timeline and publishes LifecycleStageChanged', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const customer = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const moved = await contacts.ok(token, SET_STAGE, { input: { customerId: customer.id, stage: 'RETENTION' } });
    assert.equal(moved['setLifecycleStage'].customer.lifecycleStage, 'RETENTION');
    // Setting the current stage again is no move: no note, no event.
    await contacts.ok(token, SET_STAGE, { input: { customerId: customer.id, stage: 'RETENTION' } });

    const read = await contacts.ok(token, TIMELINE, { id: customer.id });
    assert.equal(read['customer'].lifecycleStage, 'RETENTION');
    assert.equal(read['customer'].interactions.totalCount, 1);
    const note = read['customer'].interactions.edges[0].node;
    assert.equal(note.kind, 'NOTE');
    assert.deepEqual(note.lifecycleChange, { fromStage: 'ACQUISITION', toStage: 'RETENTION' });

    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'LifecycleStageChanged', 'LifecycleStageChanged');
    assert.equal(event.topic, TOPICS.customers);
    assert.equal(event.key, customer.id);
    assert.equal((event.payload as any).fromStage, 'ACQUISITION');
    assert.equal((event.payload as any).toStage, 'RETENTION');
    assert.equal((event.payload as any).reason, 'manual');
    // The system note is not engagement: no InteractionRecorded for it.
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'InteractionRecorded').length, 0);
  });
});
