import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createAnalyticsService } from '@rapport/analytics';
import { parseEnv, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createTestTenant, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { gatewayEnvironmentSchema } from '../src/environment.js';
import { startGateway, type RunningGateway } from '../src/start.js';

let analytics: RunningService<any>;
let gateway: RunningGateway;
let base: string;

before(async () => {
  // A consumer group of its own, so that it takes no partitions from other analytics tests.
  analytics = await startServiceForTest(createAnalyticsService({ consumerGroup: `gateway-exports-${randomUUID()}`, churnSweepIntervalMs: 0 }), {
    databaseUrl: testDatabaseUrl('analytics_gateway_exports'),
    jwtSecret: TEST_JWT_SECRET,
  });
  const environment = parseEnv(gatewayEnvironmentSchema, {
    PORT: '0',
    // Exports touch only analytics: the other three are composed, never called.
    CONTACTS_URL: 'http://127.0.0.1:9/graphql',
    SALES_PIPELINE_URL: 'http://127.0.0.1:9/graphql',
    SUPPORT_URL: 'http://127.0.0.1:9/graphql',
    ANALYTICS_URL: `http://127.0.0.1:${analytics.port}/graphql`,
    JWT_SECRET: TEST_JWT_SECRET,
    // The suite runs on a loaded 2-core machine: a slow answer is not what these tests are about.
    SUBGRAPH_TIMEOUT_MS: '30000',
    LOG_LEVEL: 'error',
  });
  gateway = await startGateway(environment);
  base = `http://127.0.0.1:${gateway.port}`;
});

after(async () => {
  await gateway?.stop();
  await analytics?.stop();
});

describe('gateway: analytics CSV exports', () => {
  it('streams /export/<name>.csv from analytics with the client bearer token, filters passed on', async () => {
    const tenant = createTestTenant();
    const response = await fetch(`${base}/export/kpis.csv?from=2025-01-01T00:00:00Z&to=2025-04-01T00:00:00Z`, {
      headers: { authorization: `Bearer ${await tenant.token(['analyst'])}` },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
    const [header, row] = (await response.text()).trim().split('\n');
    assert.ok(header!.startsWith('customers,customersAtStart,newCustomers,'));
    // A tenant with no events: no customers, rates empty, MRR 0.
    assert.ok(row!.startsWith('0,0,0,0,0,,0,USD,'), row);
  });

  it('answers 401 without a token and passes on the role and input refusals of analytics', async () => {
    const tenant = createTestTenant();
    const anonymous = await fetch(`${base}/export/kpis.csv?from=2025-01-01T00:00:00Z&to=2025-04-01T00:00:00Z`);
    assert.equal(anonymous.status, 401);
    const support = await fetch(`${base}/export/kpis.csv?from=2025-01-01T00:00:00Z&to=2025-04-01T00:00:00Z`, {
      headers: { authorization: `Bearer ${await tenant.token(['support'])}` },
    });
    assert.equal(support.status, 403);
    const backwards = await fetch(`${base}/export/kpis.csv?from=2025-04-01T00:00:00Z&to=2025-01-01T00:00:00Z`, {
      headers: { authorization: `Bearer ${await tenant.token(['analyst'])}` },
    });
    assert.equal(backwards.status, 400);
    assert.equal(((await backwards.json()) as { field?: string }).field, 'to');
  });
});
