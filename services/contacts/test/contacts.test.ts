import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { executeAs } from '@rapport/service-kit';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import { createCustomer, errorOf, startContacts, type ContactsUnderTest } from './support/service.js';

const ADD = /* GraphQL */ `
  mutation Add($input: AddContactInput!) {
    addContact(input: $input) { contact { id firstName lastName email phone title consent { email phone updatedAt } customer { id name } } }
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

describe('contacts: people at a customer', () => {
  it('adds a contact with normalised email and the consent given, with the time it was given', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const customer = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const data = await contacts.ok(token, ADD, {
      input: { customerId: customer.id, firstName: ' Ada ', lastName: 'Lovelace', email: 'ADA@acme.example', phone: '+44 20 7946 0000', emailConsent: true },
    });
    const contact = data['addContact'].contact;
    assert.equal(contact.firstName, 'Ada');
    assert.equal(contact.email, 'ada@acme.example');
    assert.deepEqual(contact.customer, { id: customer.id, name: 'Acme' });
    assert.equal(contact.consent.email, true);
    assert.equal(contact.consent.phone, false);
    assert.ok(!Number.isNaN(Date.parse(contact.consent.updatedAt)));

    const silent = await contacts.ok(token, ADD, { input: { customerId: customer.id, firstName: 'Bob' } });
    assert.deepEqual(silent['addContact'].contact.consent, { email: false, phone: false, updatedAt: null });

    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'ContactAdded' && (e.payload as any).contactId === contact.id, 'ContactAdded');
    assert.equal(event.topic, TOPICS.customers);
    assert.equal(event.key, customer.id);
    assert.deepEqual(event.payload, { contactId: contact.id, emailConsent: true, phoneConsent: false, consentUpdatedAt: new Date(contact.consent.updatedAt).toISOString() });
  });

  it('rejects a bad email or phone naming the field, and adds nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const customer = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const badEmail = await contacts.request(token, ADD, { input: { customerId: customer.id, firstName: 'A', email: 'nope' } });
    assert.deepEqual(errorOf(badEmail), { code: 'BAD_USER_INPUT', field: 'email' });
    const badPhone = await contacts.request(token, ADD, { input: { customerId: customer.id, firstName: 'A', phone: 'call me' } });
    assert.deepEqual(errorOf(badPhone), { code: 'BAD_USER_INPUT', field: 'phone' });
    const empty = await contacts.request(token, ADD, { input: { customerId: customer.id, firstName: '  ' } });
    assert.deepEqual(errorOf(empty), { code: 'BAD_USER_INPUT', field: 'firstName' });
    const read = await contacts.ok(token, `query($id: ID!) { customer(id: $id) { contacts { id } } }`, { id: customer.id });
    assert.deepEqual(read['customer'].contacts, []);
  });

  it("answers NOT_FOUND when adding to another tenant's customer, FORBIDDEN to an analyst", async () => {
    const owner = createTestTenant();
    const customer = await createCustomer(contacts, await owner.token(), { name: 'Private', kind: 'BUSINESS' });
    const stranger = await contacts.request(await createTestTenant().token(), ADD, { input: { customerId: customer.id, firstName: 'Eve' } });
    assert.equal(errorOf(stranger).code, 'NOT_FOUND');
    const analyst = await contacts.request(await owner.token(['analyst']), ADD, { input: { customerId: customer.id, firstName: 'Eve' } });
    assert.equal(errorOf(analyst).code, 'FORBIDDEN');
    const read = await contacts.ok(await owner.token(), `query($id: ID!) { customer(id: $id) { contacts { id } } }`, { id: customer.id });
    assert.deepEqual(read['customer'].contacts, []);
  });

  it('loads the contacts of a whole list of customers with one query', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    for (let index = 0; index < 5; index += 1) {
      const customer = await createCustomer(contacts, token, { name: `C${index}`, kind: 'BUSINESS' });
      await contacts.ok(token, ADD, { input: { customerId: customer.id, firstName: `Person ${index}` } });
    }
    contacts.statements.length = 0;
    const result = await executeAs(contacts.service.subgraph, { query: `{ customers { edges { node { name contacts { firstName } } } } }` }, token);
    assert.equal(result.body.kind, 'single');
    const edges = (result.body as any).singleResult.data.customers.edges;
    assert.deepEqual(
      edges.map((edge: any) => edge.node.contacts.map((contact: any) => contact.firstName)),
      [0, 1, 2, 3, 4].map((index) => [`Person ${index}`]),
    );
    const selects = contacts.statements.filter((sql) => /^\s*SELECT\b/i.test(sql) && /"contacts"/.test(sql));
    assert.equal(selects.length, 1, selects.join('\n'));
  });
});
