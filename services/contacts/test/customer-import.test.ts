import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents, testKafkaBrokers } from '@rapport/test-kit';
import kafkajs from 'kafkajs';
import { createCustomer, errorOf, startContacts, type ContactsUnderTest } from './support/service.js';

const IMPORT_CUSTOMERS = /* GraphQL */ `
  mutation Import($input: ImportCustomersInput!) { importCustomers(input: $input) { received imported updated rejected { row field reason } } }
`;
const HEADER = 'name,kind,email,domain,industry,country,externalId,tags';

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

async function importCustomers(token: string, csv: string) {
  const data = await contacts.ok(token, IMPORT_CUSTOMERS, { input: { csv } });
  return data['importCustomers'] as { received: number; imported: number; updated: number; rejected: { row: number; field: string | null; reason: string }[] };
}

async function customersOf(tenantId: string) {
  return (await contacts.service.dataSource.query(
    `SELECT id, name, kind, email, domain, country, external_id, tags FROM customers WHERE tenant_id = $1 ORDER BY name`,
    [tenantId],
  )) as { id: string; name: string; kind: string; email: string | null; domain: string | null; country: string | null; external_id: string | null; tags: string[] }[];
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('contacts: importCustomers', () => {
  it('validates every row as createCustomer does, reports each rejection, writes the valid rows with their events', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['marketing']);
    const csv = [
      HEADER,
      'Acme,BUSINESS,Billing@Acme.example,https://www.acme.example/,Software,de,A-1,key|eu| key',
      'Bad Mail,INDIVIDUAL,not-an-email,,,,A-2,',
      ',BUSINESS,,,,,A-3,', // no name
      'Nowhere,BUSINESS,,,,XX,A-4,', // not a country
      'Strange,PARTNER,,,,,A-5,', // not a kind
      'Short,BUSINESS', // wrong number of fields
      '"Quoted, Inc",business,,quoted.example,,US,A-7,',
    ].join('\n');
    const report = await importCustomers(token, csv);
    assert.equal(report.received, 7);
    assert.equal(report.imported, 2);
    assert.equal(report.updated, 0);
    assert.deepEqual(
      report.rejected.map((rejection) => [rejection.row, rejection.field]),
      [[2, 'email'], [3, 'name'], [4, 'country'], [5, 'kind'], [6, null]],
    );
    assert.match(report.rejected[0]!.reason, /not a valid email/);
    const rows = await customersOf(tenant.tenantId);
    assert.deepEqual(
      rows.map((row) => [row.name, row.kind, row.email, row.domain, row.country, row.external_id, row.tags]),
      [
        ['Acme', 'BUSINESS', 'billing@acme.example', 'acme.example', 'DE', 'A-1', ['key', 'eu']],
        ['Quoted, Inc', 'BUSINESS', null, 'quoted.example', 'US', 'A-7', []],
      ],
    );
    const created = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerCreated' && e.payload['externalId'] === 'A-1', 'CustomerCreated of A-1');
    assert.equal(created.key, rows[0]!.id);
    assert.equal(created.payload['email'], 'billing@acme.example');
  });

  it('re-imports by external id, then email, as updates: no duplicates, CustomerUpdated with only the changed fields', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const byEmail = await createCustomer(contacts, token, { name: 'Initech', kind: 'BUSINESS', email: 'ops@initech.example' });
    const file = [HEADER, 'Globex,BUSINESS,,globex.example,,US,G-1,', 'Initech Corp,BUSINESS,ops@initech.example,,,,I-1,'].join('\n');
    assert.deepEqual(await importCustomers(token, file), { received: 2, imported: 1, updated: 1, rejected: [] });
    assert.deepEqual(await importCustomers(token, file), { received: 2, imported: 0, updated: 2, rejected: [] });
    const changed = [HEADER, 'Globex,BUSINESS,,globex.example,,FR,G-1,vip', 'Initech Corp,BUSINESS,ops@initech.example,,,,I-1,'].join('\n');
    assert.deepEqual(await importCustomers(token, changed), { received: 2, imported: 0, updated: 2, rejected: [] });

    const rows = await customersOf(tenant.tenantId);
    assert.equal(rows.length, 2);
    const globex = rows.find((row) => row.external_id === 'G-1')!;
    assert.deepEqual([globex.country, globex.tags], ['FR', ['vip']]);
    // Matched by email: the existing customer took the name and the external id, not a twin.
    const initech = rows.find((row) => row.external_id === 'I-1')!;
    assert.equal(initech.id, byEmail['id']);
    assert.equal(initech.name, 'Initech Corp');

    const update = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerUpdated' && e.customerId === globex.id, 'CustomerUpdated of G-1');
    assert.deepEqual(update.payload['changedFields'], ['country', 'tags']);
    assert.equal(update.payload['country'], 'FR');
    const renamed = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerUpdated' && e.customerId === initech.id, 'CustomerUpdated of Initech');
    assert.deepEqual(renamed.payload['changedFields'], ['name']);
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'CustomerUpdated').length, 2, 'an unchanged row publishes nothing');
  });

  it('refuses a row naming a customer an earlier row of the file names', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const report = await importCustomers(token, [HEADER, 'One,INDIVIDUAL,,,,,X-1,', 'Two,INDIVIDUAL,,,,,X-1,'].join('\n'));
    assert.equal(report.imported, 1);
    assert.deepEqual(report.rejected.map((rejection) => [rejection.row, rejection.field]), [[2, 'externalId']]);
    assert.equal((await customersOf(tenant.tenantId)).length, 1);
  });

  it('fails a whole file with a bad header, over 5,000 rows, or a read-only role, writing nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    assert.deepEqual(errorOf(await contacts.request(token, IMPORT_CUSTOMERS, { input: { csv: 'name,kind,phone\nA,BUSINESS,1' } })), { code: 'BAD_USER_INPUT', field: 'csv' });
    assert.deepEqual(errorOf(await contacts.request(token, IMPORT_CUSTOMERS, { input: { csv: 'name,email\nA,a@b.example' } })), { code: 'BAD_USER_INPUT', field: 'csv' });
    const big = [HEADER, ...Array.from({ length: 5_001 }, (_, index) => `C${index},INDIVIDUAL,,,,,E${index},`)].join('\n');
    assert.deepEqual(errorOf(await contacts.request(token, IMPORT_CUSTOMERS, { input: { csv: big } })), { code: 'BAD_USER_INPUT', field: 'csv' });
    const analyst = await contacts.request(await tenant.token(['analyst']), IMPORT_CUSTOMERS, { input: { csv: `${HEADER}\nA,BUSINESS,,,,,,` } });
    assert.equal(errorOf(analyst).code, 'FORBIDDEN');
    assert.equal((await customersOf(tenant.tenantId)).length, 0);
  });
});

describe('contacts: CustomerImportRequested from an order import', () => {
  async function request(tenantId: string, mintedId: string, externalId: string | null, email: string | null, name: string, eventId = randomUUID()) {
    const kafka = new kafkajs.Kafka({ clientId: 'customer-import-test', brokers: testKafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({
        topic: TOPICS.customers,
        messages: [
          {
            key: mintedId,
            value: JSON.stringify({
              id: eventId,
              type: 'CustomerImportRequested',
              version: 1,
              tenantId,
              customerId: mintedId,
              occurredAt: new Date().toISOString(),
              producer: 'sales-pipeline',
              payload: { externalId, email, name, requestedAt: new Date().toISOString() },
            }),
          },
        ],
      });
    } finally {
      // An open producer would keep the test process alive after a failure.
      await producer.disconnect();
    }
  }

  it('creates the customer under exactly the minted id, once however often it is asked', async () => {
    const tenant = createTestTenant();
    const minted = randomUUID();
    await request(tenant.tenantId, minted, '00012', null, 'Customer 00012');
    await request(tenant.tenantId, minted, '00012', null, 'Customer 00012');
    const created = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerCreated', 'CustomerCreated');
    assert.equal(created.customerId, minted);
    assert.equal(created.payload['externalId'], '00012');
    assert.equal(created.payload['name'], 'Customer 00012');
    const rows = await customersOf(tenant.tenantId);
    assert.deepEqual(rows.map((row) => [row.id, row.name, row.external_id]), [[minted, 'Customer 00012', '00012']]);
  });

  it('keeps its own customer for a known external id and merges the minted id into it', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const own = await createCustomer(contacts, token, { name: 'Known Ltd', kind: 'BUSINESS', externalId: 'K-9' });
    const minted = randomUUID();
    await request(tenant.tenantId, minted, 'K-9', null, 'Customer K-9');
    const merged = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomersMerged', 'CustomersMerged');
    assert.equal(merged.key, own['id']);
    assert.deepEqual([merged.payload['survivorId'], merged.payload['mergedIds']], [own['id'], [minted]]);
    // The minted id now answers with the survivor, like any merged id.
    const read = await contacts.ok(token, `query($id: ID!) { customer(id: $id) { id name } }`, { id: minted });
    assert.deepEqual(read['customer'], { id: own['id'], name: 'Known Ltd' });
    await waitUntil(async () => (await customersOf(tenant.tenantId)).length === 1, 'no second customer');
    assert.equal((await customersOf(tenant.tenantId)).length, 1);
  });
});
