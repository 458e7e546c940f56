import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { analyticsService } from '@rapport/analytics';
import { contactsService } from '@rapport/contacts';
import { salesPipelineService } from '@rapport/sales-pipeline';
import { parseEnv, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { supportService } from '@rapport/support';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { gatewayEnvironmentSchema } from '../src/environment.js';
import { startGateway, type RunningGateway } from '../src/start.js';

const startSubgraph = (definition: any, database: string, port = 0) =>
  startServiceForTest(definition, { databaseUrl: testDatabaseUrl(database), jwtSecret: TEST_JWT_SECRET, env: { PORT: String(port) } });
const graphqlUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

let contacts: RunningService<any>;
let sales: RunningService<any>;
let support: RunningService<any>;
let silentAnalytics: Server;
const silentSockets = new Set<Socket>();
let gateway: RunningGateway;
let url: string;
let token: string;
let customerName: string;

const CUSTOMER_360 = `{ customers(first: 5) { edges { node { name revenue { orderCount } satisfaction { responses } metrics { healthScore } } } } }`;

before(async () => {
  [contacts, sales, support] = await Promise.all([
    startSubgraph(contactsService, 'contacts'),
    startSubgraph(salesPipelineService, 'sales-pipeline'),
    startSubgraph(supportService, 'support'),
  ]);
  // An analytics subgraph that accepts connections and never answers.
  silentAnalytics = createServer((socket) => {
    silentSockets.add(socket);
    socket.on('close', () => silentSockets.delete(socket));
  });
  await new Promise<void>((resolve) => silentAnalytics.listen(0, '127.0.0.1', resolve));
  const silentPort = (silentAnalytics.address() as { port: number }).port;
  gateway = await startGateway(
    parseEnv(gatewayEnvironmentSchema, {
      PORT: '0',
      CONTACTS_URL: graphqlUrl(contacts.port),
      SALES_PIPELINE_URL: graphqlUrl(sales.port),
      SUPPORT_URL: graphqlUrl(support.port),
      ANALYTICS_URL: graphqlUrl(silentPort),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'fatal',
      // Long enough for the live subgraphs on a machine busy with other test files, short enough to keep the test quick.
      SUBGRAPH_TIMEOUT_MS: '1500',
    }),
  );
  url = `http://127.0.0.1:${gateway.port}/graphql`;
  const tenant = createTestTenant();
  token = await tenant.token();
  customerName = `Resilient ${tenant.tenantId.slice(0, 8)}`;
  const created = await graphqlRequest(url, `mutation($name: String!) { createCustomer(input: { name: $name, kind: BUSINESS }) { customer { id } } }`, {
    token,
    variables: { name: customerName },
  });
  assert.equal(created.errors, undefined, JSON.stringify(created.errors));
});

after(async () => {
  await gateway?.stop();
  for (const socket of silentSockets) socket.destroy();
  silentAnalytics?.close();
  await Promise.all([contacts, sales, support].map((service) => service?.stop()));
});

function unavailableServices(errors: { extensions?: Record<string, unknown> }[] | undefined): string[] {
  return (errors ?? []).filter((error) => error.extensions?.['code'] === 'SUBGRAPH_UNAVAILABLE').map((error) => String(error.extensions?.['service']));
}

describe('gateway resilience', () => {
  it('cuts off a subgraph that never answers and keeps the fields of the others', async () => {
    const result = await graphqlRequest(url, CUSTOMER_360, { token });
    const node = result.data?.['customers'].edges[0].node;
    assert.equal(node.name, customerName);
    assert.deepEqual(node.revenue, { orderCount: 0 });
    assert.equal(node.metrics, null);
    assert.deepEqual(unavailableServices(result.errors), ['analytics']);
  });

  it('keeps answering when a subgraph is killed, without leaking its address, and is whole again after restart', async () => {
    const port = support.port;
    await support.stop();
    const degraded = await graphqlRequest(url, CUSTOMER_360, { token });
    const node = degraded.data?.['customers'].edges[0].node;
    assert.equal(node.name, customerName);
    assert.equal(node.satisfaction, null);
    assert.ok(unavailableServices(degraded.errors).includes('support'));
    assert.doesNotMatch(JSON.stringify(degraded), /127\.0\.0\.1|localhost|http:\/\/|ECONNREFUSED/);

    support = await startSubgraph(supportService, 'support', port);
    const restored = await graphqlRequest(url, CUSTOMER_360, { token });
    assert.deepEqual(restored.data?.['customers'].edges[0].node.satisfaction, { responses: 0 });
    assert.deepEqual(unavailableServices(restored.errors), ['analytics']);
  });

  it('reports each subgraph on /readyz', async () => {
    const response = await fetch(`http://127.0.0.1:${gateway.port}/readyz`);
    const body = (await response.json()) as { subgraphs: Record<string, boolean> };
    assert.equal(response.status, 503);
    assert.deepEqual(body.subgraphs, { contacts: true, 'sales-pipeline': true, support: true, analytics: false });
  });
});
