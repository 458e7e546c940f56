import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestTenant } from '@rapport/test-kit';
import { createCustomer, errorOf, startContacts, type ContactsUnderTest } from './support/service.js';

const SEARCH = /* GraphQL */ `query Search($text: String!, $first: Int) { searchCustomers(text: $text, first: $first) { name } }`;

let contacts: ContactsUnderTest;
before(async () => {
  contacts = await startContacts();
});
after(async () => {
  await contacts.stop();
});

describe('contacts: search', () => {
  it('finds customers by name despite a typo, by email, by domain and by a contact name, best match first', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['analyst']);
    const admin = await tenant.token();
    await createCustomer(contacts, admin, { name: 'Acme Corporation', kind: 'BUSINESS', domain: 'acme.example' });
    await createCustomer(contacts, admin, { name: 'Acme', kind: 'BUSINESS' });
    await createCustomer(contacts, admin, { name: 'Globex', kind: 'BUSINESS', email: 'billing@globex.example' });
    const initech = await createCustomer(contacts, admin, { name: 'Initech', kind: 'BUSINESS' });
    await createCustomer(contacts, admin, { name: 'Umbrella', kind: 'BUSINESS' });
    await contacts.ok(admin, `mutation($input: AddContactInput!) { addContact(input: $input) { contact { id } } }`, {
      input: { customerId: initech.id, firstName: 'Peter', lastName: 'Gibbons' },
    });
    const names = async (text: string, first?: number) =>
      (await contacts.ok(token, SEARCH, { text, first }))['searchCustomers'].map((customer: any) => customer.name);

    assert.deepEqual(await names('acme'), ['Acme', 'Acme Corporation']);
    assert.deepEqual(await names('acmee'), ['Acme', 'Acme Corporation']);
    assert.deepEqual(await names('Globx'), ['Globex']);
    assert.deepEqual(await names('billing@globex.example'), ['Globex']);
    assert.equal((await names('acme.example'))[0], 'Acme Corporation');
    assert.deepEqual(await names('gibons'), ['Initech']);
    assert.deepEqual(await names('acme', 1), ['Acme']);
    assert.deepEqual(await names('zzzzqqq'), []);
  });

  it("never returns another tenant's customers", async () => {
    const mine = createTestTenant();
    const theirs = createTestTenant();
    await createCustomer(contacts, await theirs.token(), { name: 'Hidden Widgets', kind: 'BUSINESS' });
    const found = await contacts.ok(await mine.token(), SEARCH, { text: 'hidden widgets' });
    assert.deepEqual(found['searchCustomers'], []);
  });

  it('rejects empty text naming the field', async () => {
    const result = await contacts.request(await createTestTenant().token(), SEARCH, { text: '  ' });
    assert.deepEqual(errorOf(result), { code: 'BAD_USER_INPUT', field: 'text' });
  });
});
