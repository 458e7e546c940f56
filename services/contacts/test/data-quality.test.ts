import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestTenant } from '@rapport/test-kit';
import { createCustomer, startContacts, type ContactsUnderTest } from './support/service.js';

const FIELD = /* GraphQL */ `
  mutation Field($input: UpsertFieldDefinitionInput!) { upsertFieldDefinition(input: $input) { fieldDefinition { id } } }
`;

let contacts: ContactsUnderTest;
before(async () => {
  contacts = await startContacts();
});
after(async () => {
  await contacts.stop();
});

describe('contacts: data quality', () => {
  it("scores each customer by the workspace's required fields and names the missing ones", async () => {
    const tenant = createTestTenant();
    const admin = await tenant.token();
    await contacts.ok(admin, FIELD, { input: { name: 'plan', type: 'STRING', owningTeam: 'sales', required: true } });
    await contacts.ok(admin, FIELD, { input: { name: 'seats', type: 'NUMBER', owningTeam: 'support', required: true } });
    await contacts.ok(admin, FIELD, { input: { name: 'note', type: 'STRING', owningTeam: 'marketing' } });
    const full = await createCustomer(contacts, admin, { name: 'Full', kind: 'BUSINESS', email: 'a@full.example', customFields: { plan: 'pro', seats: 3 } });
    const half = await createCustomer(contacts, admin, { name: 'Half', kind: 'BUSINESS', customFields: { plan: 'pro' } });
    const none = await createCustomer(contacts, admin, { name: 'None', kind: 'BUSINESS' });
    const read = await contacts.ok(await tenant.token(['analyst']), `query($ids: [_Any!]!) { _entities(representations: $ids) { ... on Customer { dataQuality { score missingFields } } } }`, {
      ids: [full, half, none].map((customer) => ({ __typename: 'Customer', id: customer.id })),
    });
    assert.deepEqual(read['_entities'], [
      { dataQuality: { score: 1, missingFields: [] } },
      { dataQuality: { score: 0.5, missingFields: ['customFields.seats'] } },
      { dataQuality: { score: 0, missingFields: ['customFields.plan', 'customFields.seats'] } },
    ]);
  });

  it('reports fill rate per field, stale records and suspected duplicates', async () => {
    const tenant = createTestTenant();
    const admin = await tenant.token();
    await contacts.ok(admin, FIELD, { input: { name: 'plan', type: 'STRING', owningTeam: 'sales', required: true } });
    await createCustomer(contacts, admin, { name: 'One', kind: 'BUSINESS', email: 'x@dup.example', customFields: { plan: 'pro' } });
    await createCustomer(contacts, admin, { name: 'Two', kind: 'BUSINESS', email: 'x@dup.example' });
    await createCustomer(contacts, admin, { name: 'Three', kind: 'BUSINESS', country: 'de' });
    await createCustomer(contacts, admin, { name: 'Four', kind: 'BUSINESS' });
    await contacts.service.dataSource.query(
      `UPDATE customers SET updated_at = now() - interval '200 days' WHERE tenant_id = $1 AND name = 'Four'`,
      [tenant.tenantId],
    );
    const report = (await contacts.ok(await tenant.token(['analyst']), `{ dataQualityReport { customers staleRecords suspectedDuplicates averageScore fillRates { field owningTeam required fillRate } } }`))['dataQualityReport'];
    assert.equal(report.customers, 4);
    assert.equal(report.staleRecords, 1);
    assert.equal(report.suspectedDuplicates, 2);
    assert.equal(report.averageScore, 0.25);
    const rates = Object.fromEntries(report.fillRates.map((rate: any) => [rate.field, rate]));
    assert.equal(rates['email'].fillRate, 0.5);
    assert.equal(rates['country'].fillRate, 0.25);
    assert.equal(rates['domain'].fillRate, 0);
    assert.deepEqual(rates['customFields.plan'], { field: 'customFields.plan', owningTeam: 'sales', required: true, fillRate: 0.25 });
  });
});
