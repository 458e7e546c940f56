import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { analyticsService } from '@rapport/analytics';
import { contactsService } from '@rapport/contacts';
import { salesPipelineService } from '@rapport/sales-pipeline';
import {
  createIdentitySigner,
  parseEnv,
  startServiceForTest,
  tenantTables,
  withTenant,
  type RunningService,
} from '@rapport/service-kit';
import { supportService } from '@rapport/support';
import { createTestTenant, graphqlRequest, identityHeaderFor, TEST_JWT_SECRET, testDatabaseUrl, type TestTenant } from '@rapport/test-kit';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { gatewayEnvironmentSchema } from '../src/environment.js';
import { startGateway, type RunningGateway } from '../src/start.js';
import { apiSchema, mutationCall, settledTenantRows } from './support/graph-probe.js';

const NAMES = ['contacts', 'sales-pipeline', 'support', 'analytics'] as const;
const services: Record<string, RunningService<any>> = {};
let gateway: RunningGateway;
let url: string;
let schema: GraphQLSchema;
const subgraphUrl = (name: string) => `http://127.0.0.1:${services[name]!.port}/graphql`;
const owners = (): Record<string, DataSource> => Object.fromEntries(NAMES.map((name) => [name, services[name]!.dataSource]));

before(async () => {
  const definitions = { contacts: contactsService, 'sales-pipeline': salesPipelineService, support: supportService, analytics: analyticsService };
  const started = await Promise.all(
    NAMES.map((name) => startServiceForTest(definitions[name] as any, { databaseUrl: testDatabaseUrl(name), jwtSecret: TEST_JWT_SECRET })),
  );
  NAMES.forEach((name, index) => (services[name] = started[index]!));
  gateway = await startGateway(
    parseEnv(gatewayEnvironmentSchema, {
      PORT: '0',
      CONTACTS_URL: subgraphUrl('contacts'),
      SALES_PIPELINE_URL: subgraphUrl('sales-pipeline'),
      SUPPORT_URL: subgraphUrl('support'),
      ANALYTICS_URL: subgraphUrl('analytics'),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'fatal',
      // Introspection on, so the test enumerates the schema clients are given.
      NODE_ENV: 'test',
      TENANT_COST_PER_SECOND: '0',
      // Timeouts are tested in resilience.test.ts; here a loaded machine must not turn into errors.
      SUBGRAPH_TIMEOUT_MS: '30000',
    }),
  );
  url = `http://127.0.0.1:${gateway.port}/graphql`;
  schema = await apiSchema(url, await createTestTenant().token());
});

after(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(services).map((service) => service.stop()));
});

async function ok(token: string, query: string, variables: Record<string, unknown> = {}) {
  const result = await graphqlRequest(url, query, { token, variables });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data as Record<string, any>;
}

describe('identity: subgraphs trust only the gateway', () => {
  it('refuses a direct call carrying a valid client token, on every subgraph', async () => {
    const token = await createTestTenant().token();
    for (const name of NAMES) {
      const result = await graphqlRequest(subgraphUrl(name), `{ __typename }`, { token, asGateway: false });
      // `{ __typename }` alone is schema-only; ask for something real.
      assert.equal(result.errors, undefined, name);
      const real = await graphqlRequest(subgraphUrl(name), `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, {
        token,
        asGateway: false,
        variables: { r: [{ __typename: 'Customer', id: randomUUID() }] },
      });
      assert.equal(real.status, 401, name);
      assert.equal(real.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED', name);
    }
  });

  it('refuses _entities with forged representations and an identity the gateway did not sign', async () => {
    const victim = createTestTenant();
    const forged = await createIdentitySigner('a-forger-secret-that-is-at-least-32-chars')({
      memberId: victim.memberId,
      tenantId: victim.tenantId,
      roles: ['admin'],
    });
    const result = await graphqlRequest(subgraphUrl('contacts'), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { name } } }`, {
      headers: { 'x-rapport-identity': forged },
      variables: { r: [{ __typename: 'Customer', id: randomUUID() }] },
    });
    assert.equal(result.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    assert.equal(result.data ?? null, null);
  });

  it('still serves the SDL anonymously, which the gateway composes from', async () => {
    const result = await graphqlRequest(subgraphUrl('support'), `{ _service { sdl } }`);
    assert.match(String(result.data?.['_service'].sdl), /type Ticket/);
  });

  it('does not pass a client-sent identity header through the gateway', async () => {
    const victim = createTestTenant();
    const victimToken = await victim.token();
    const created = await ok(victimToken, `mutation { createCustomer(input: { name: "Victim", kind: BUSINESS }) { customer { id } } }`);
    const attacker = await createTestTenant().token();
    const smuggled = await graphqlRequest(url, `query($id: ID!) { customer(id: $id) { name } }`, {
      token: attacker,
      asGateway: false,
      headers: await identityHeaderFor(victimToken),
      variables: { id: created['createCustomer'].customer.id },
    });
    assert.deepEqual(smuggled.data, { customer: null });
  });
});

describe('row-level security on every service database', () => {
  it('forces the tenant policy on every table with a tenant_id, in all four services', async () => {
    for (const name of NAMES) {
      const dataSource = services[name]!.dataSource;
      const tables = await tenantTables(dataSource);
      assert.ok(tables.length > 0, name);
      const unsecured = await dataSource.query(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relname = ANY($1) AND NOT (c.relrowsecurity AND c.relforcerowsecurity
            AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation'))`,
        [tables],
      );
      assert.deepEqual(unsecured, [], name);
    }
  });
});

describe('audit', () => {
  it('writes one row per mutation in the same transaction: actor, action, ids, field names, request id, no values', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const requestId = randomUUID();
    const result = await graphqlRequest(
      url,
      `mutation { createCustomer(input: { name: "Audited Person", email: "audited@example.com", kind: INDIVIDUAL }) { customer { id } } }`,
      { token, headers: { 'x-request-id': requestId } },
    );
    const id = result.data?.['createCustomer'].customer.id;
    const rows = await services['contacts']!.dataSource.query(`SELECT * FROM audit_log WHERE tenant_id = $1`, [tenant.tenantId]);
    assert.equal(rows.length, 1);
    assert.deepEqual(
      { actor: rows[0].actor_id, action: rows[0].action, targets: rows[0].target_ids, fields: rows[0].fields, requestId: rows[0].request_id },
      { actor: tenant.memberId, action: 'createCustomer', targets: [id], fields: ['input.email', 'input.kind', 'input.name'], requestId },
    );
    assert.doesNotMatch(JSON.stringify(rows), /Audited Person|audited@example\.com/);

    const failed = await graphqlRequest(url, `mutation { createCustomer(input: { name: "X", kind: BUSINESS, email: "nope" }) { customer { id } } }`, { token });
    assert.equal(failed.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    const [after] = await services['contacts']!.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1`, [tenant.tenantId]);
    assert.equal(after.n, 1, 'a failed mutation leaves no audit row, like it leaves no change');
  });

  it('is append-only for the application role', async () => {
    const tenant = createTestTenant();
    await ok(await tenant.token(), `mutation { upsertProduct(input: { sku: "A-1", name: "Audit", price: 1, currency: "USD" }) { product { id } } }`);
    const app = services['sales-pipeline']!.appDataSource;
    for (const statement of [`UPDATE audit_log SET action = 'rewritten'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`]) {
      await assert.rejects(withTenant(app, tenant.tenantId, (scope) => scope.manager.query(statement)), /permission denied/, statement);
    }
    const [row] = await services['sales-pipeline']!.dataSource.query(`SELECT action FROM audit_log WHERE tenant_id = $1`, [tenant.tenantId]);
    assert.equal(row.action, 'upsertProduct');
  });

  it('answers auditLog to admins with every service\'s entries, and refuses everyone else', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const customer = await ok(token, `mutation { createCustomer(input: { name: "Logged", kind: BUSINESS }) { customer { id } } }`);
    const customerId = customer['createCustomer'].customer.id;
    await ok(token, `mutation($c: ID!) { openTicket(input: { customerId: $c, subject: "Help" }) { ticket { id } } }`, { c: customerId });
    const log = await ok(
      token,
      `query($c: ID!) { auditLog(filter: { targetId: $c }) { contacts { entries { action targetIds actorId service } } support { entries { action } } salesPipeline(first: 5) { entries { action } hasNextPage } } }`,
      { c: customerId },
    );
    assert.deepEqual(log['auditLog'].contacts.entries, [{ action: 'createCustomer', targetIds: [customerId], actorId: tenant.memberId, service: 'contacts' }]);
    assert.deepEqual(log['auditLog'].support.entries, [{ action: 'openTicket' }]);
    assert.deepEqual(log['auditLog'].salesPipeline, { entries: [], hasNextPage: false });
    const denied = await graphqlRequest(url, `{ auditLog { contacts { entries { action } } } }`, { token: await tenant.token(['sales', 'support', 'marketing', 'analyst']) });
    assert.equal(denied.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
  });
});

// Mutations the lowest role may run; every other one must refuse an analyst.
const ANALYST_ALLOWED = new Set<string>(['refitClvModel']);

describe('every mutation of the composed graph', () => {
  it('answers UNAUTHENTICATED to an anonymous caller, and FORBIDDEN to an analyst where not allowed, writing nothing', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    assert.ok(mutations.length >= 30, `only ${mutations.length} mutations`);
    const analyst = createTestTenant();
    const analystToken = await analyst.token(['analyst']);
    const unexpected: string[] = [];
    for (const field of mutations) {
      const { query, variables } = mutationCall(field, () => randomUUID());
      const anonymous = await graphqlRequest(url, query, { variables });
      if (anonymous.status !== 401 || anonymous.errors?.[0]?.extensions?.['code'] !== 'UNAUTHENTICATED') unexpected.push(`${field.name} anonymous: ${JSON.stringify(anonymous.errors)}`);
      if (ANALYST_ALLOWED.has(field.name)) continue;
      const result = await graphqlRequest(url, query, { token: analystToken, variables });
      const codes = (result.errors ?? []).map((error) => error.extensions?.['code']);
      if (!codes.includes('FORBIDDEN')) unexpected.push(`${field.name} as analyst: ${JSON.stringify(result.errors ?? result.data)}`);
    }
    assert.deepEqual(unexpected, []);
    const written = await settledTenantRows(owners(), analyst.tenantId);
    assert.deepEqual(Object.entries(written).filter(([, rows]) => rows !== '[]'), [], 'rows written for the analyst tenant');
  });
});

describe('cross-tenant matrix: tenant A learns and changes nothing of tenant B', () => {
  let a: TestTenant;
  let b: TestTenant;
  let tokenA: string;
  const ids: Record<string, string> = {};

  before(async () => {
    a = createTestTenant();
    b = createTestTenant();
    tokenA = await a.token();
    const tokenB = await b.token();
    ids['customer'] = (await ok(tokenB, `mutation { createCustomer(input: { name: "Zyxwv Secret Corp", kind: BUSINESS }) { customer { id } } }`))['createCustomer'].customer.id;
    const c = { c: ids['customer'] };
    ids['contact'] = (await ok(tokenB, `mutation($c: ID!) { addContact(input: { customerId: $c, firstName: "Bee" }) { contact { id } } }`, c))['addContact'].contact.id;
    ids['task'] = (await ok(tokenB, `mutation($c: ID!) { createTask(input: { customerId: $c, title: "Call" }) { task { id } } }`, c))['createTask'].task.id;
    ids['product'] = (await ok(tokenB, `mutation { upsertProduct(input: { sku: "B-1", name: "Secret", price: 10, currency: "USD" }) { product { id } } }`))['upsertProduct'].product.id;
    const deal = (await ok(tokenB, `mutation($c: ID!) { createDeal(input: { customerId: $c, title: "Big", amount: 100, currency: "USD" }) { deal { id stage { id } } } }`, c))['createDeal'].deal;
    ids['deal'] = deal.id;
    ids['stage'] = deal.stage.id;
    ids['order'] = (await ok(tokenB, `mutation($c: ID!, $p: ID!) { placeOrder(input: { customerId: $c, lines: [{ productId: $p, quantity: 1 }] }) { order { id } } }`, { ...c, p: ids['product'] }))['placeOrder'].order.id;
    ids['ticket'] = (await ok(tokenB, `mutation($c: ID!) { openTicket(input: { customerId: $c, subject: "Secret issue" }) { ticket { id } } }`, c))['openTicket'].ticket.id;
    ids['member'] = b.memberId;
  });

  it('reads: by id, lists, search, counts, nested fields and _entities return nothing of B', async () => {
    const read = await ok(
      tokenA,
      `query($c: ID!, $d: ID!, $t: ID!) {
        customer(id: $c) { id name }
        customers { totalCount edges { node { id } } }
        searchCustomers(text: "Zyxwv Secret") { id }
        deal(id: $d) { id }
        deals { totalCount }
        ticket(id: $t) { id }
        tickets { totalCount }
        products { id }
      }`,
      { c: ids['customer'], d: ids['deal'], t: ids['ticket'] },
    );
    assert.deepEqual(read, {
      customer: null,
      customers: { totalCount: 0, edges: [] },
      searchCustomers: [],
      deal: null,
      deals: { totalCount: 0 },
      ticket: null,
      tickets: { totalCount: 0 },
      products: [],
    });
    // The gateway would send these representations for B's customer; each subgraph answers with A's view.
    const entities = async (name: string, selection: string) => {
      const result = await graphqlRequest(subgraphUrl(name), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { ${selection} } } }`, {
        token: tokenA,
        variables: { r: [{ __typename: 'Customer', id: ids['customer'] }] },
      });
      return JSON.parse(JSON.stringify(result.data?.['_entities'] ?? result.errors));
    };
    assert.deepEqual(await entities('contacts', 'name'), [null]);
    assert.deepEqual(await entities('sales-pipeline', 'revenue { orderCount } deals { id } orders { edges { node { id } } }'), [
      { revenue: { orderCount: 0 }, deals: [], orders: { edges: [] } },
    ]);
    assert.deepEqual(await entities('support', 'tickets { totalCount }'), [{ tickets: { totalCount: 0 } }]);
    const log = await ok(tokenA, `{ auditLog { contacts { entries { targetIds } } salesPipeline { entries { targetIds } } support { entries { targetIds } } } }`);
    assert.doesNotMatch(JSON.stringify(log), new RegExp(Object.values(ids).join('|')));

    // Exports, once analytics has taken in B's events: A's files are those of an empty workspace.
    await settledTenantRows(owners(), b.tenantId);
    const empty = await createTestTenant().token();
    const range = `from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`;
    const exports = [`kpis.csv?${range}`, `cohorts.csv?${range}`, `channelAttribution.csv?${range}`, `ownerPerformance.csv?${range}`, `featureAdoption.csv?${range}`, `atRiskCustomers.csv?level=LOW`, `segmentSummary.csv`, `pipelineFunnel.csv`, `nextProducts.csv?productId=${ids['product']}`, `revenueForecast.csv`];
    const exportAs = async (token: string, file: string) => {
      const response = await fetch(`http://127.0.0.1:${services['analytics']!.port}/export/${file}`, { headers: await identityHeaderFor(token) });
      return `${response.status} ${await response.text()}`;
    };
    // B's own files do hold B's data, so equality with the empty workspace says something.
    assert.notEqual(await exportAs(await b.token(), exports[0]!), await exportAs(empty, exports[0]!));
    for (const file of exports) {
      const seenByA = await exportAs(tokenA, file);
      assert.match(seenByA, /^200 /, file);
      assert.equal(seenByA, await exportAs(empty, file), file);
    }
  });

  it('writes: every mutation aimed at B\'s ids leaves every row of B as it was', async () => {
    const before = await settledTenantRows(owners(), b.tenantId);
    const idFor = (name: string, mutation: string) => {
      const words = `${name === 'id' || name === 'ids' ? mutation : name}`.toLowerCase();
      for (const [kind, id] of Object.entries(ids)) if (words.includes(kind)) return id;
      if (/survivor|merged|referr/.test(words)) return ids['customer']!;
      if (/assignee|owner/.test(words)) return ids['member']!;
      if (/pipeline/.test(words)) return ids['stage']!;
      return ids['customer']!;
    };
    const mutations = Object.values(schema.getMutationType()!.getFields());
    for (const field of mutations) {
      const { query, variables } = mutationCall(field, (name) => idFor(name, field.name));
      await graphqlRequest(url, query, { token: tokenA, variables });
    }
    const afterRows = await settledTenantRows(owners(), b.tenantId);
    for (const table of Object.keys(before)) assert.equal(afterRows[table], before[table], `${table} of tenant B changed`);
  });
});
