import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import { createCustomer, errorOf, startContacts, type ContactsUnderTest } from './support/service.js';

const ERASE = /* GraphQL */ `
  mutation Erase($input: EraseCustomerInput!) { eraseCustomer(input: $input) { erasedAt customer { id name email domain kind country lifecycleStage tags customFields createdAt } } }
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

/** Every row of every table of the contacts database whose text contains `needle`. */
async function rowsContaining(needle: string): Promise<string[]> {
  const tables: { table_name: string }[] = await contacts.service.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { table_name: table } of tables) {
    const rows: { row: string }[] = await contacts.service.dataSource.query(
      `SELECT t::text AS row FROM "${table}" t WHERE t::text ILIKE '%' || $1 || '%'`,
      [needle],
    );
    found.push(...rows.map((row) => `${table}: ${row.row}`));
  }
  return found;
}

describe('contacts: erasure', () => {
  it('leaves no personal field of an erased customer anywhere in the contacts database, and keeps the anonymous facts', async () => {
    const tenant = createTestTenant();
    const admin = await tenant.token();
    const marker = crypto.randomUUID().slice(0, 8);
    const personal = {
      name: `Quokka ${marker}`,
      email: `quokka.${marker}@mail.example`,
      domain: `quokka${marker}.example`,
      tag: `tag${marker}`,
      plan: `plan${marker}`,
      firstName: `Zebedee${marker}`,
      lastName: `Quux${marker}`,
      contactEmail: `zebedee.${marker}@mail.example`,
      phone: `+44 20 ${marker.replace(/\D/g, '1').slice(0, 4)} 9${marker.replace(/\D/g, '2').slice(0, 3)}`,
      summary: `Talked about divorce ${marker}`,
      task: `Call ${marker} at home`,
      mergedName: `Quokka Twin ${marker}`,
      mergedEmail: `twin.${marker}@mail.example`,
    };
    await contacts.ok(admin, `mutation { upsertFieldDefinition(input: { name: "plan", type: STRING, owningTeam: "sales" }) { fieldDefinition { id } } }`);
    const customer = await createCustomer(contacts, admin, {
      name: personal.name,
      kind: 'INDIVIDUAL',
      email: personal.email,
      domain: personal.domain,
      country: 'NL',
      tags: [personal.tag],
      customFields: { plan: personal.plan },
    });
    await contacts.ok(admin, `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } } }`, {
      input: { id: customer.id, industry: 'retail' },
    });
    await contacts.ok(admin, `mutation($input: AddContactInput!) { addContact(input: $input) { contact { id } } }`, {
      input: { customerId: customer.id, firstName: personal.firstName, lastName: personal.lastName, email: personal.contactEmail, phone: personal.phone, title: 'CEO', emailConsent: true },
    });
    await contacts.ok(admin, `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { interaction { id } } }`, {
      input: { customerId: customer.id, kind: 'CALL', summary: personal.summary },
    });
    await contacts.ok(admin, `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
      input: { customerId: customer.id, title: personal.task },
    });
    const twin = await createCustomer(contacts, admin, { name: personal.mergedName, kind: 'INDIVIDUAL', email: personal.mergedEmail });
    await contacts.ok(admin, `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { customer { id } } }`, {
      input: { survivorId: customer.id, mergedIds: [twin.id] },
    });
    assert.notDeepEqual(await rowsContaining(marker), [], 'the marker is findable before erasure');

    const erased = (await contacts.ok(admin, ERASE, { input: { id: customer.id } }))['eraseCustomer'];
    assert.deepEqual(
      { ...erased.customer, createdAt: undefined },
      { id: customer.id, name: 'Erased customer', email: null, domain: null, kind: 'INDIVIDUAL', country: 'NL', lifecycleStage: 'ACQUISITION', tags: [], customFields: {}, createdAt: undefined },
    );

    for (const value of Object.values(personal)) assert.deepEqual(await rowsContaining(value), [], value);
    assert.deepEqual(await rowsContaining(marker), []);

    const kept = (await contacts.ok(admin, `query($id: ID!) { customer(id: $id) { contacts { firstName consent { email } } interactions { totalCount edges { node { kind summary } } } tasks { title } } }`, { id: twin.id }))['customer'];
    assert.deepEqual(kept.contacts, [{ firstName: 'Erased', consent: { email: true } }]);
    assert.equal(kept.interactions.totalCount, 1);
    assert.deepEqual(kept.interactions.edges[0].node, { kind: 'CALL', summary: null });
    assert.deepEqual(kept.tasks, [{ title: 'Erased task' }]);

    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerErased', 'CustomerErased');
    assert.equal(event.topic, TOPICS.customers);
    assert.equal(event.key, customer.id);
  });

  it("is admin only (FORBIDDEN otherwise) and answers NOT_FOUND for another tenant's customer, erasing nothing", async () => {
    const tenant = createTestTenant();
    const customer = await createCustomer(contacts, await tenant.token(), { name: 'Keep Me', kind: 'INDIVIDUAL', email: 'keep@me.example' });
    const sales = await contacts.request(await tenant.token(['sales', 'support', 'marketing', 'analyst']), ERASE, { input: { id: customer.id } });
    assert.equal(errorOf(sales).code, 'FORBIDDEN');
    const stranger = await contacts.request(await createTestTenant().token(), ERASE, { input: { id: customer.id } });
    assert.equal(errorOf(stranger).code, 'NOT_FOUND');
    const read = await contacts.ok(await tenant.token(), `query($id: ID!) { customer(id: $id) { name email } }`, { id: customer.id });
    assert.deepEqual(read['customer'], { name: 'Keep Me', email: 'keep@me.example' });
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'CustomerErased').length, 0);
  });
});
