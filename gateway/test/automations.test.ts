import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { contactsService } from '@rapport/contacts';
import { salesPipelineService } from '@rapport/sales-pipeline';
import { startServiceForTest, withTenant, type RunningService } from '@rapport/service-kit';
import { supportService } from '@rapport/support';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl, type TestTenant } from '@rapport/test-kit';

// The three domain services together, joined only by the test broker: what one publishes the
// others consume. Analytics' share of erasure is tested in analytics.
let contacts: RunningService<any>;
let sales: RunningService<any>;
let support: RunningService<any>;

before(async () => {
  const start = (definition: any, database: string) => startServiceForTest(definition, { databaseUrl: testDatabaseUrl(database), jwtSecret: TEST_JWT_SECRET });
  [contacts, sales, support] = await Promise.all([start(contactsService, 'contacts'), start(salesPipelineService, 'sales-pipeline'), start(supportService, 'support')]);
});
after(async () => {
  await Promise.all([contacts, sales, support].map((service) => service?.stop()));
});

async function ok(service: RunningService<any>, token: string, query: string, variables: Record<string, unknown> = {}) {
  const result = await graphqlRequest(`http://127.0.0.1:${service.port}/graphql`, query, { token, variables });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data as Record<string, any>;
}

/** Runs a read in a tenant's scope until `check` returns a value. The bound only turns a hang into a failure. */
async function eventually<T>(service: RunningService<any>, tenant: TestTenant, what: string, sql: string, check: (rows: any[]) => T | undefined): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const rows = await withTenant(service.dataSource, tenant.tenantId, (scope) => scope.manager.query(sql, [tenant.tenantId]));
    const value = check(rows);
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every row of the tenant, in every table of the service's database that has a tenant_id, as text. */
async function tenantRows(service: RunningService<any>, tenant: TestTenant): Promise<{ table: string; row: string }[]> {
  const tables: { name: string }[] = await service.dataSource.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  return withTenant(service.dataSource, tenant.tenantId, async (scope) => {
    const rows: { table: string; row: string }[] = [];
    for (const { name } of tables) {
      const found: { row: string }[] = await scope.manager.query(`SELECT t::text AS row FROM "${name}" t WHERE tenant_id = $1`, [tenant.tenantId]);
      rows.push(...found.map(({ row }) => ({ table: name, row })));
    }
    return rows;
  });
}

describe('automations across contacts, sales-pipeline and support', () => {
  it('leaves no personal field of an erased customer in the contacts, sales-pipeline or support databases', async () => {
    const tenant = createTestTenant();
    const admin = await tenant.token(['admin']);
    // Every personal value carries the marker, so one search finds any copy of any of them.
    const customer = (
      await ok(contacts, admin, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`, {
        input: { name: 'Quixotez Holdings', kind: 'BUSINESS', email: 'billing@quixotez.example', domain: 'quixotez.example', tags: ['quixotez-vip'] },
      })
    )['createCustomer'].customer;
    await ok(contacts, admin, `mutation($input: AddContactInput!) { addContact(input: $input) { contact { id } } }`, {
      input: { customerId: customer.id, firstName: 'Quixotez', lastName: 'Person', email: 'person@quixotez.example', phone: '+44 20 7946 0123', emailConsent: true },
    });
    await ok(contacts, admin, `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { interaction { id } } }`, {
      input: { customerId: customer.id, kind: 'CALL', summary: 'Spoke with Quixotez about renewal' },
    });
    const lead = (
      await ok(sales, admin, `mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }`, {
        input: { name: 'Quixotez Person', email: 'lead@quixotez.example', company: 'Quixotez Holdings' },
      })
    )['createLead'].lead;
    await ok(sales, admin, `mutation($input: ConvertLeadInput!) { convertLead(input: $input) { lead { id } } }`, { input: { leadId: lead.id, customerId: customer.id } });
    const deal = (
      await ok(sales, admin, `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } } }`, {
        input: { customerId: customer.id, title: 'Quixotez renewal', amount: 900, currency: 'EUR' },
      })
    )['createDeal'].deal;
    await ok(sales, admin, `mutation($input: WinDealInput!) { winDeal(input: $input) { deal { id } } }`, { input: { dealId: deal.id } });
    // Support surveys only a customer whose consent it has learnt from contacts' ContactAdded.
    await eventually(support, tenant, 'the consent in support', `SELECT 1 FROM contact_consents WHERE tenant_id = $1 AND email_consent`, (rows) => (rows.length > 0 ? true : undefined));
    const ticket = (
      await ok(support, admin, `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } } }`, {
        input: { customerId: customer.id, subject: 'Quixotez cannot log in', description: 'Quixotez Person, person@quixotez.example, locked out' },
      })
    )['openTicket'].ticket;
    await ok(support, admin, `mutation($input: CommentOnTicketInput!) { commentOnTicket(input: $input) { ticket { id } } }`, {
      input: { ticketId: ticket.id, body: 'Called Quixotez back', public: true },
    });
    await ok(support, admin, `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { ticket { id } } }`, { input: { ticketId: ticket.id } });
    const invitation = (await ok(support, admin, `{ surveyInvitations { edges { node { id } } } }`))['surveyInvitations'].edges[0].node;
    await ok(support, admin, `mutation($input: AnswerSurveyInput!) { answerSurvey(input: $input) { surveyResponse { id } } }`, {
      input: { invitationId: invitation.id, score: 2, comment: 'Quixotez says: too slow' },
    });
    // The won deal reached contacts (onboarding task titled after the deal) before the erasure.
    await eventually(contacts, tenant, 'the onboarding task', `SELECT 1 FROM tasks WHERE tenant_id = $1 AND reason = 'DEAL_WON'`, (rows) => (rows.length > 0 ? true : undefined));
    await eventually(contacts, tenant, 'the follow-up task', `SELECT 1 FROM tasks WHERE tenant_id = $1 AND reason = 'LOW_CSAT'`, (rows) => (rows.length > 0 ? true : undefined));

    const marker = /quixotez/i;
    for (const service of [contacts, sales, support]) {
      assert.ok((await tenantRows(service, tenant)).some(({ row }) => marker.test(row)), `${service === contacts ? 'contacts' : service === sales ? 'sales-pipeline' : 'support'} holds personal data before the erasure`);
    }

    await ok(contacts, admin, `mutation($input: EraseCustomerInput!) { eraseCustomer(input: $input) { erasedAt } }`, { input: { id: customer.id } });
    await eventually(sales, tenant, 'the erasure in sales-pipeline', `SELECT email FROM leads WHERE tenant_id = $1`, (rows) => (rows[0]?.email === null ? true : undefined));
    await eventually(support, tenant, 'the erasure in support', `SELECT description FROM tickets WHERE tenant_id = $1`, (rows) => (rows[0]?.description === null ? true : undefined));

    for (const [name, service] of [['contacts', contacts], ['sales-pipeline', sales], ['support', support]] as const) {
      const left = (await tenantRows(service, tenant)).filter(({ row }) => marker.test(row) || row.includes('7946'));
      assert.deepEqual(left, [], `personal data left in ${name}`);
    }
  });

  it('re-points the other services\' rows of a merged customer to the survivor', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['admin']);
    const create = async (name: string) =>
      (await ok(contacts, token, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`, { input: { name, kind: 'BUSINESS' } }))['createCustomer'].customer.id as string;
    const [survivorId, mergedId] = [await create('Survivor'), await create('Merged')];
    const deal = (await ok(sales, token, `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } } }`, { input: { customerId: mergedId, title: 'T', amount: 10, currency: 'EUR' } }))['createDeal'].deal;
    const ticket = (await ok(support, token, `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } } }`, { input: { customerId: mergedId, subject: 'S' } }))['openTicket'].ticket;
    await ok(contacts, token, `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { customer { id } } }`, { input: { survivorId, mergedIds: [mergedId] } });

    await eventually(sales, tenant, 'the deal re-pointed', `SELECT customer_id FROM deals WHERE tenant_id = $1`, (rows) => (rows[0]?.customer_id === survivorId ? true : undefined));
    await eventually(support, tenant, 'the ticket re-pointed', `SELECT customer_id FROM tickets WHERE tenant_id = $1`, (rows) => (rows[0]?.customer_id === survivorId ? true : undefined));
    const read = await ok(sales, token, `query($id: ID!) { deal(id: $id) { customer { id } } }`, { id: deal.id });
    assert.deepEqual(read['deal'].customer, { id: survivorId });
    const ticketRead = await ok(support, token, `query($id: ID!) { ticket(id: $id) { customer { id } } }`, { id: ticket.id });
    assert.deepEqual(ticketRead['ticket'].customer, { id: survivorId });
  });
});
