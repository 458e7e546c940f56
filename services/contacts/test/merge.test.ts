import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { resolveEntities } from '@rapport/service-kit';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import { createCustomer, errorOf, startContacts, type ContactsUnderTest } from './support/service.js';

const MERGE = /* GraphQL */ `
  mutation Merge($input: MergeCustomersInput!) { mergeCustomers(input: $input) { customer { id email domain tags } } }
`;
const DUPLICATES = /* GraphQL */ `{ duplicateCustomers { reason customers { name } } }`;
const WHOLE = /* GraphQL */ `
  query Whole($id: ID!) {
    customer(id: $id) { id name contacts { firstName } interactions { totalCount edges { node { summary } } } tasks { title } }
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

async function withHistory(token: string, name: string, input: Record<string, unknown> = {}) {
  const customer = await createCustomer(contacts, token, { name, kind: 'BUSINESS', ...input });
  await contacts.ok(token, `mutation($input: AddContactInput!) { addContact(input: $input) { contact { id } } }`, {
    input: { customerId: customer.id, firstName: `${name} person` },
  });
  await contacts.ok(token, `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { interaction { id } } }`, {
    input: { customerId: customer.id, kind: 'CALL', summary: `${name} call` },
  });
  await contacts.ok(token, `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
    input: { customerId: customer.id, title: `${name} task` },
  });
  return customer;
}

describe('contacts: duplicates', () => {
  it('groups customers with the same email, the same domain, or similar names in one country, with the reason', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['analyst']);
    const admin = await tenant.token();
    await createCustomer(contacts, admin, { name: 'Alpha One', kind: 'INDIVIDUAL', email: 'Same@Example.com' });
    await createCustomer(contacts, admin, { name: 'Beta Two', kind: 'INDIVIDUAL', email: 'same@example.com' });
    await createCustomer(contacts, admin, { name: 'Gamma', kind: 'BUSINESS', domain: 'gamma.example' });
    await createCustomer(contacts, admin, { name: 'Gamma Holdings', kind: 'BUSINESS', domain: 'www.gamma.example' });
    await createCustomer(contacts, admin, { name: 'Wonderful Widgets Ltd', kind: 'BUSINESS', country: 'gb' });
    await createCustomer(contacts, admin, { name: 'Wonderful Widgets Limited', kind: 'BUSINESS', country: 'GB' });
    await createCustomer(contacts, admin, { name: 'Wonderful Widgets Ltd', kind: 'BUSINESS', country: 'FR' });
    await createCustomer(contacts, await createTestTenant().token(), { name: 'Beta Two', kind: 'INDIVIDUAL', email: 'same@example.com' });

    const groups = (await contacts.ok(token, DUPLICATES))['duplicateCustomers'];
    const simplified = groups.map((group: any) => ({ reason: group.reason, names: group.customers.map((customer: any) => customer.name) }));
    assert.deepEqual(simplified, [
      { reason: 'same email: same@example.com', names: ['Alpha One', 'Beta Two'] },
      { reason: 'same domain: gamma.example', names: ['Gamma', 'Gamma Holdings'] },
      { reason: 'similar names in GB', names: ['Wonderful Widgets Ltd', 'Wonderful Widgets Limited'] },
    ]);
  });
});

describe('contacts: merging customers', () => {
  it('moves contacts, interactions and tasks to the survivor, and a merged id resolves to it', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const survivor = await withHistory(token, 'Survivor', { domain: 'survivor.example', tags: ['a'] });
    const merged = await withHistory(token, 'Merged', { email: 'ops@merged.example', tags: ['b'] });
    const data = await contacts.ok(token, MERGE, { input: { survivorId: survivor.id, mergedIds: [merged.id] } });
    assert.deepEqual(data['mergeCustomers'].customer, {
      id: survivor.id,
      email: 'ops@merged.example',
      domain: 'survivor.example',
      tags: ['a', 'b'],
    });

    for (const id of [survivor.id, merged.id]) {
      const whole = (await contacts.ok(token, WHOLE, { id }))['customer'];
      assert.equal(whole.id, survivor.id);
      assert.deepEqual(whole.contacts.map((c: any) => c.firstName).sort(), ['Merged person', 'Survivor person']);
      assert.equal(whole.interactions.totalCount, 2);
      assert.deepEqual(whole.tasks.map((t: any) => t.title).sort(), ['Merged task', 'Survivor task']);
    }
    const entities = await resolveEntities(contacts.service.subgraph, token, 'Customer', [merged.id, survivor.id], 'id name');
    assert.deepEqual(entities, [
      { id: survivor.id, name: 'Survivor' },
      { id: survivor.id, name: 'Survivor' },
    ]);
    const list = await contacts.ok(token, `{ customers { totalCount } }`);
    assert.equal(list['customers'].totalCount, 1);

    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomersMerged', 'CustomersMerged');
    assert.equal(event.topic, TOPICS.customers);
    assert.equal(event.key, survivor.id);
    assert.deepEqual({ ...(event.payload as any), mergedAt: undefined }, { survivorId: survivor.id, mergedIds: [merged.id], mergedAt: undefined });
  });

  it('follows a chain: a customer merged into one later merged again resolves to the last survivor', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const first = await createCustomer(contacts, token, { name: 'First', kind: 'BUSINESS' });
    const second = await createCustomer(contacts, token, { name: 'Second', kind: 'BUSINESS' });
    const third = await createCustomer(contacts, token, { name: 'Third', kind: 'BUSINESS' });
    await contacts.ok(token, MERGE, { input: { survivorId: second.id, mergedIds: [first.id] } });
    await contacts.ok(token, MERGE, { input: { survivorId: third.id, mergedIds: [second.id] } });
    const read = await contacts.ok(token, `query($id: ID!) { customer(id: $id) { name } }`, { id: first.id });
    assert.equal(read['customer'].name, 'Third');
  });

  it("writes nothing when one id is another tenant's (NOT_FOUND), the survivor is among the merged (BAD_USER_INPUT), or the role cannot write", async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const survivor = await withHistory(token, 'Keep');
    const mine = await withHistory(token, 'Mine');
    const foreign = await createCustomer(contacts, await createTestTenant().token(), { name: 'Foreign', kind: 'BUSINESS' });

    const notFound = await contacts.request(token, MERGE, { input: { survivorId: survivor.id, mergedIds: [mine.id, foreign.id] } });
    assert.equal(errorOf(notFound).code, 'NOT_FOUND');
    const self = await contacts.request(token, MERGE, { input: { survivorId: survivor.id, mergedIds: [survivor.id] } });
    assert.deepEqual(errorOf(self), { code: 'BAD_USER_INPUT', field: 'mergedIds' });
    const analyst = await contacts.request(await tenant.token(['analyst']), MERGE, { input: { survivorId: survivor.id, mergedIds: [mine.id] } });
    assert.equal(errorOf(analyst).code, 'FORBIDDEN');

    const whole = (await contacts.ok(token, WHOLE, { id: mine.id }))['customer'];
    assert.equal(whole.id, mine.id);
    assert.deepEqual(whole.contacts, [{ firstName: 'Mine person' }]);
    assert.equal(whole.interactions.totalCount, 1);
    assert.equal((await contacts.ok(token, `{ customers { totalCount } }`))['customers'].totalCount, 2);
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'CustomersMerged').length, 0);
  });
});

describe('contacts: referrals', () => {
  it('links a referrer of the same workspace, following a merged referrer to its survivor', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['marketing']);
    const referrer = await createCustomer(contacts, token, { name: 'Referrer', kind: 'INDIVIDUAL' });
    const referred = await createCustomer(contacts, token, { name: 'Referred', kind: 'INDIVIDUAL', referredById: referrer.id });
    const survivor = await createCustomer(contacts, token, { name: 'Survivor', kind: 'INDIVIDUAL' });
    await contacts.ok(token, MERGE, { input: { survivorId: survivor.id, mergedIds: [referrer.id] } });
    const read = await contacts.ok(token, `query($id: ID!) { customer(id: $id) { referredBy { id name } } }`, { id: referred.id });
    assert.deepEqual(read['customer'].referredBy, { id: survivor.id, name: 'Survivor' });
    const later = await createCustomer(contacts, token, { name: 'Later', kind: 'INDIVIDUAL', referredById: referrer.id });
    const laterRead = await contacts.ok(token, `query($id: ID!) { customer(id: $id) { referredBy { id } } }`, { id: later.id });
    assert.equal(laterRead['customer'].referredBy.id, survivor.id);
  });

  it("answers NOT_FOUND on referredById for another tenant's customer, and creates nothing", async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const foreign = await createCustomer(contacts, await createTestTenant().token(), { name: 'Foreign', kind: 'INDIVIDUAL' });
    const result = await contacts.request(token, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`, {
      input: { name: 'Referred', kind: 'INDIVIDUAL', referredById: foreign.id },
    });
    assert.deepEqual(errorOf(result), { code: 'NOT_FOUND', field: 'referredById' });
    assert.equal((await contacts.ok(token, `{ customers { totalCount } }`))['customers'].totalCount, 0);
  });
});
