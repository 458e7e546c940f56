import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import { createCustomer, errorOf, startContacts, type ContactsUnderTest } from './support/service.js';

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) { customer { id name email domain industry country ownerId tags source customFields updatedAt } }
  }
`;
const UPSERT_FIELD = /* GraphQL */ `
  mutation Field($input: UpsertFieldDefinitionInput!) {
    upsertFieldDefinition(input: $input) { fieldDefinition { id name type owningTeam required } }
  }
`;

let contacts: ContactsUnderTest;
let events: EventTap;

before(async () => {
  contacts = await startContacts();
  events = await tapEvents([TOPICS.customers]);
});

after(async () => {
  await events.stop();
  await contacts.stop();
});

describe('contacts: updating customers', () => {
  it('changes only the fields given, normalised, and publishes CustomerUpdated with the changed fields', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['marketing']);
    const created = await createCustomer(contacts, token, { name: 'Umbrella', kind: 'BUSINESS', industry: 'pharma', country: 'us' });
    const ownerId = crypto.randomUUID();
    const data = await contacts.ok(token, UPDATE, {
      input: { id: created.id, email: ' Ops@Umbrella.Example ', domain: 'HTTP://umbrella.example/', country: 'ca', ownerId, tags: ['a', 'a', 'b'], industry: null },
    });
    const updated = data['updateCustomer'].customer;
    assert.equal(updated.name, 'Umbrella');
    assert.equal(updated.email, 'ops@umbrella.example');
    assert.equal(updated.domain, 'umbrella.example');
    assert.equal(updated.country, 'CA');
    assert.equal(updated.ownerId, ownerId);
    assert.equal(updated.industry, null);
    assert.deepEqual(updated.tags, ['a', 'b']);

    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerUpdated', 'CustomerUpdated');
    assert.equal(event.topic, TOPICS.customers);
    assert.equal(event.key, created.id);
    assert.equal(event.customerId, created.id);
    const payload = event.payload as Record<string, unknown>;
    assert.deepEqual(new Set(payload['changedFields'] as string[]), new Set(['email', 'domain', 'country', 'ownerId', 'tags', 'industry']));
    assert.equal(payload['country'], 'CA');
    assert.equal(payload['industry'], null);
    assert.equal('name' in payload, false);
  });

  it('rejects an invalid email with BAD_USER_INPUT naming the field, and changes nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const created = await createCustomer(contacts, token, { name: 'Initech', kind: 'BUSINESS', email: 'a@initech.example' });
    const result = await contacts.request(token, UPDATE, { input: { id: created.id, name: 'Renamed', email: 'not-an-email' } });
    assert.deepEqual(errorOf(result), { code: 'BAD_USER_INPUT', field: 'email' });
    const cleared = await contacts.request(token, UPDATE, { input: { id: created.id, name: null } });
    assert.deepEqual(errorOf(cleared), { code: 'BAD_USER_INPUT', field: 'name' });
    const read = await contacts.ok(token, `query($id: ID!) { customer(id: $id) { name email } }`, { id: created.id });
    assert.deepEqual(read['customer'], { name: 'Initech', email: 'a@initech.example' });
  });

  it("answers NOT_FOUND for another tenant's customer, never FORBIDDEN, and leaves it untouched", async () => {
    const owner = createTestTenant();
    const created = await createCustomer(contacts, await owner.token(), { name: 'Private', kind: 'BUSINESS' });
    const stranger = await createTestTenant().token(['admin']);
    const result = await contacts.request(stranger, UPDATE, { input: { id: created.id, name: 'Stolen' } });
    assert.equal(errorOf(result).code, 'NOT_FOUND');
    const read = await contacts.ok(await owner.token(), `query($id: ID!) { customer(id: $id) { name } }`, { id: created.id });
    assert.equal(read['customer'].name, 'Private');
  });

  it('refuses writes to the analyst role with FORBIDDEN, and lets it read', async () => {
    const tenant = createTestTenant();
    const created = await createCustomer(contacts, await tenant.token(), { name: 'Readable', kind: 'INDIVIDUAL' });
    const analyst = await tenant.token(['analyst']);
    const update = await contacts.request(analyst, UPDATE, { input: { id: created.id, name: 'Nope' } });
    assert.equal(errorOf(update).code, 'FORBIDDEN');
    const create = await contacts.request(analyst, `mutation { createCustomer(input: { name: "X", kind: BUSINESS }) { customer { id } } }`);
    assert.equal(errorOf(create).code, 'FORBIDDEN');
    const list = await contacts.ok(analyst, `{ customers { totalCount } }`);
    assert.equal(list['customers'].totalCount, 1);
    const noRoles = await contacts.request(await tenant.token([]), `{ customers { totalCount } }`);
    assert.equal(errorOf(noRoles).code, 'FORBIDDEN');
  });

  it('publishes no event when nothing changed', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const created = await createCustomer(contacts, token, { name: 'Same', kind: 'BUSINESS', country: 'FR' });
    await contacts.ok(token, UPDATE, { input: { id: created.id, name: 'Same', country: 'fr' } });
    await contacts.ok(token, UPDATE, { input: { id: created.id, name: 'Changed' } });
    const changed = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerUpdated', 'CustomerUpdated');
    assert.deepEqual((changed.payload as Record<string, unknown>)['changedFields'], ['name']);
    // Events of one customer arrive in order: the no-op, had it published, would come first.
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'CustomerUpdated').length, 1);
  });
});

describe('contacts: custom fields', () => {
  it('validates custom field values against the workspace definitions, naming the field', async () => {
    const tenant = createTestTenant();
    const admin = await tenant.token();
    const sales = await tenant.token(['sales']);
    await contacts.ok(admin, UPSERT_FIELD, { input: { name: 'plan', type: 'STRING', owningTeam: 'sales', required: true } });
    await contacts.ok(admin, UPSERT_FIELD, { input: { name: 'seats', type: 'NUMBER', owningTeam: 'sales' } });
    await contacts.ok(admin, UPSERT_FIELD, { input: { name: 'renewal', type: 'DATE', owningTeam: 'support' } });

    const created = await createCustomer(contacts, sales, { name: 'Fields Co', kind: 'BUSINESS', customFields: { plan: ' pro ', seats: 12 } });
    assert.deepEqual(created.customFields, { plan: 'pro', seats: 12 });

    const wrongType = await contacts.request(sales, UPDATE, { input: { id: created.id, customFields: { plan: 42 } } });
    assert.deepEqual(errorOf(wrongType), { code: 'BAD_USER_INPUT', field: 'customFields.plan' });
    const unknown = await contacts.request(sales, UPDATE, { input: { id: created.id, customFields: { shoeSize: 9 } } });
    assert.deepEqual(errorOf(unknown), { code: 'BAD_USER_INPUT', field: 'customFields.shoeSize' });
    const badDate = await contacts.request(sales, UPDATE, { input: { id: created.id, customFields: { renewal: 'soon' } } });
    assert.deepEqual(errorOf(badDate), { code: 'BAD_USER_INPUT', field: 'customFields.renewal' });

    const merged = await contacts.ok(sales, UPDATE, { input: { id: created.id, customFields: { renewal: '2027-01-31', seats: null } } });
    assert.deepEqual(merged['updateCustomer'].customer.customFields, { plan: 'pro', renewal: '2027-01-31' });

    const other = createTestTenant();
    const foreign = await contacts.request(await other.token(), `mutation { createCustomer(input: { name: "X", kind: BUSINESS, customFields: { plan: "pro" } }) { customer { id } } }`);
    assert.deepEqual(errorOf(foreign), { code: 'BAD_USER_INPUT', field: 'customFields.plan' });
  });

  it('lets only admins define fields, upserting by name', async () => {
    const tenant = createTestTenant();
    const forbidden = await contacts.request(await tenant.token(['sales', 'marketing']), UPSERT_FIELD, {
      input: { name: 'plan', type: 'STRING', owningTeam: 'sales' },
    });
    assert.equal(errorOf(forbidden).code, 'FORBIDDEN');
    const admin = await tenant.token();
    const first = await contacts.ok(admin, UPSERT_FIELD, { input: { name: 'tier', type: 'STRING', owningTeam: 'sales' } });
    const second = await contacts.ok(admin, UPSERT_FIELD, { input: { name: 'tier', type: 'NUMBER', owningTeam: 'marketing', required: true } });
    assert.equal(second['upsertFieldDefinition'].fieldDefinition.id, first['upsertFieldDefinition'].fieldDefinition.id);
    const badName = await contacts.request(admin, UPSERT_FIELD, { input: { name: '9 lives', type: 'STRING', owningTeam: 'sales' } });
    assert.deepEqual(errorOf(badName), { code: 'BAD_USER_INPUT', field: 'name' });
    const list = await contacts.ok(await tenant.token(['analyst']), `{ fieldDefinitions { name type owningTeam required } }`);
    assert.deepEqual(list['fieldDefinitions'], [{ name: 'tier', type: 'NUMBER', owningTeam: 'marketing', required: true }]);
  });
});

describe('contacts: filtering customers', () => {
  it('filters by lifecycle stage, owner, tag, country, kind and creation time, counting the matches', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const ownerId = crypto.randomUUID();
    const a = await createCustomer(contacts, token, { name: 'A', kind: 'BUSINESS', country: 'de', tags: ['vip'], ownerId });
    const b = await createCustomer(contacts, token, { name: 'B', kind: 'INDIVIDUAL', country: 'DE', tags: ['vip', 'new'] });
    const c = await createCustomer(contacts, token, { name: 'C', kind: 'BUSINESS', country: 'fr' });
    const names = async (filter: Record<string, unknown>) => {
      const data = await contacts.ok(token, `query($filter: CustomerFilter) { customers(filter: $filter) { totalCount edges { node { name } } } }`, { filter });
      assert.equal(data['customers'].totalCount, data['customers'].edges.length);
      return data['customers'].edges.map((edge: any) => edge.node.name);
    };
    assert.deepEqual(await names({ country: 'de' }), ['A', 'B']);
    assert.deepEqual(await names({ tag: 'vip', kind: 'INDIVIDUAL' }), ['B']);
    assert.deepEqual(await names({ ownerId }), ['A']);
    assert.deepEqual(await names({ lifecycleStage: 'ACQUISITION' }), ['A', 'B', 'C']);
    assert.deepEqual(await names({ lifecycleStage: 'RETENTION' }), []);
    const read = await contacts.ok(token, `query($ids: [_Any!]!) { _entities(representations: $ids) { ... on Customer { createdAt } } }`, {
      ids: [b, c].map((customer) => ({ __typename: 'Customer', id: customer.id })),
    });
    const [bCreated, cCreated] = read['_entities'].map((entity: any) => entity.createdAt);
    assert.deepEqual(await names({ createdAfter: bCreated }), ['B', 'C']);
    assert.deepEqual(await names({ createdBefore: cCreated, createdAfter: bCreated }), ['B']);
    const bad = await contacts.request(token, `{ customers(filter: { country: "XX" }) { totalCount } }`);
    assert.deepEqual(errorOf(bad), { code: 'BAD_USER_INPUT', field: 'filter.country' });
    assert.ok(a.id);
  });
});
