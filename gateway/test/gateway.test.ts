import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { analyticsService } from '@rapport/analytics';
import { contactsService } from '@rapport/contacts';
import { salesPipelineService } from '@rapport/sales-pipeline';
import { parseEnv, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { supportService } from '@rapport/support';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { gatewayEnvironmentSchema } from '../src/environment.js';
import { startGateway, type RunningGateway } from '../src/start.js';

const services: RunningService<any>[] = [];
let gateway: RunningGateway;
let url: string;

before(async () => {
  const start = (definition: any, database: string) =>
    startServiceForTest(definition, { databaseUrl: testDatabaseUrl(database), jwtSecret: TEST_JWT_SECRET });
  const [contacts, sales, support, analytics] = await Promise.all([
    start(contactsService, 'contacts'),
    start(salesPipelineService, 'sales-pipeline'),
    start(supportService, 'support'),
    start(analyticsService, 'analytics'),
  ]);
  services.push(contacts, sales, support, analytics);
  const subgraphUrl = (service: RunningService<any>) => `http://127.0.0.1:${service.port}/graphql`;
  gateway = await startGateway(
    parseEnv(gatewayEnvironmentSchema, {
      PORT: '0',
      CONTACTS_URL: subgraphUrl(contacts),
      SALES_PIPELINE_URL: subgraphUrl(sales),
      SUPPORT_URL: subgraphUrl(support),
      ANALYTICS_URL: subgraphUrl(analytics),
      JWT_SECRET: TEST_JWT_SECRET,
      // The suite runs on a loaded 2-core machine: a slow answer is not what these tests are about.
      SUBGRAPH_TIMEOUT_MS: '30000',
      LOG_LEVEL: 'warn',
    }),
  );
  url = `http://127.0.0.1:${gateway.port}/graphql`;
});

after(async () => {
  await gateway?.stop();
  await Promise.all(services.map((service) => service.stop()));
});

const CUSTOMER_360 = /* GraphQL */ `
  query($id: ID!) {
    customer(id: $id) { id name revenue { orderCount } satisfaction { responses } metrics { healthScore } }
  }
`;

describe('gateway: one customer graph', () => {
  it('creates a customer and reads it back with fields from all four subgraphs', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const created = await graphqlRequest(
      url,
      `mutation { createCustomer(input: { name: "Globex", kind: BUSINESS, country: "de" }) { customer { id country } } }`,
      { token },
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const id = created.data?.['createCustomer'].customer.id;
    const read = await graphqlRequest(url, CUSTOMER_360, { token, variables: { id } });
    assert.equal(read.errors, undefined, JSON.stringify(read.errors));
    assert.deepEqual(read.data, {
      customer: { id, name: 'Globex', revenue: { orderCount: 0 }, satisfaction: { responses: 0 }, metrics: { healthScore: 50 } },
    });
  });

  it('answers UNAUTHENTICATED with status 401 and calls no subgraph without a valid token', async () => {
    const anonymous = await graphqlRequest(url, `{ customers { totalCount } }`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    const expiredOrForged = await graphqlRequest(url, `{ customers { totalCount } }`, { token: 'not.a.jwt' });
    assert.equal(expiredOrForged.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
  });

  it('returns null for a customer of tenant A read with a token of tenant B', async () => {
    const tokenA = await createTestTenant().token();
    const tokenB = await createTestTenant().token();
    const created = await graphqlRequest(url, `mutation { createCustomer(input: { name: "Initech", kind: BUSINESS }) { customer { id } } }`, {
      token: tokenA,
    });
    const id = created.data?.['createCustomer'].customer.id;
    const read = await graphqlRequest(url, CUSTOMER_360, { token: tokenB, variables: { id } });
    assert.equal(read.errors, undefined);
    assert.deepEqual(read.data, { customer: null });
  });

  it('sets metrics.updatedAt once analytics has consumed the CustomerCreated event', async () => {
    const token = await createTestTenant().token();
    const created = await graphqlRequest(url, `mutation { createCustomer(input: { name: "Hooli", kind: BUSINESS }) { customer { id } } }`, { token });
    const id = created.data?.['createCustomer'].customer.id;
    const before = await graphqlRequest(url, `query($id: ID!) { customer(id: $id) { metrics { updatedAt } } }`, { token, variables: { id } });
    const deadline = Date.now() + 60_000;
    let updatedAt: string | null = null;
    while (updatedAt === null && Date.now() < deadline) {
      const read = await graphqlRequest(url, `query($id: ID!) { customer(id: $id) { metrics { updatedAt } } }`, { token, variables: { id } });
      updatedAt = read.data?.['customer'].metrics.updatedAt ?? null;
      if (updatedAt === null) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(before.data?.['customer'].metrics, 'metrics resolve before analytics has seen the customer');
    assert.notEqual(updatedAt, null, 'analytics never saw the customer');
  });

  it('exposes Prometheus metrics on every process: operations, errors, pool, outbox backlog, consumer events', async () => {
    const token = await createTestTenant().token();
    await graphqlRequest(url, `query CustomerCount { customers { totalCount } }`, { token });
    const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const gatewayMetrics = await scrape(gateway.port);
    // Label order is the library's business: match each label anywhere in the set.
    const series = (name: string, ...labels: string[]) => new RegExp(`${name}\\{${labels.map((label) => `(?=[^}]*${label})`).join('')}[^}]*\\} [0-9]`);
    assert.match(gatewayMetrics, series('rapport_graphql_operation_seconds_count', 'operation="CustomerCount"', 'type="query"', 'service="gateway"'));
    const [contacts, , , analytics] = services;
    const contactsMetrics = await scrape(contacts!.port);
    assert.match(contactsMetrics, series('rapport_graphql_operation_seconds_count', 'service="contacts"'));
    assert.match(contactsMetrics, series('rapport_db_pool_connections', 'state="waiting"', 'service="contacts"'));
    assert.match(contactsMetrics, series('rapport_outbox_backlog', 'service="contacts"'));
    assert.match(await scrape(analytics!.port), series('rapport_consumer_events', 'group="analytics"', 'outcome="applied"'));
  });

  it('keeps the field, code and reason of a subgraph input error, with no stack trace', async () => {
    const token = await createTestTenant().token();
    const result = await graphqlRequest(url, `mutation { createCustomer(input: { name: "X", kind: BUSINESS, email: "nope" }) { customer { id } } }`, {
      token,
    });
    const error = result.errors?.[0];
    assert.equal(error?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.equal(error?.extensions?.['field'], 'email');
    assert.equal(JSON.stringify(result).includes('stacktrace'), false);
  });
});
