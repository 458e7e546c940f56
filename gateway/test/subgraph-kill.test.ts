import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyticsService } from '@rapport/analytics';
import { contactsService } from '@rapport/contacts';
import { salesPipelineService } from '@rapport/sales-pipeline';
import { parseEnv, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl, type GraphQLResponse } from '@rapport/test-kit';
import { gatewayEnvironmentSchema } from '../src/environment.js';
import { startGateway, type RunningGateway } from '../src/start.js';

const supportDirectory = join(dirname(fileURLToPath(import.meta.resolve('@rapport/support'))), '..');
const CUSTOMER_360 = `{ customers(first: 5) { edges { node { name revenue { orderCount } satisfaction { responses } metrics { healthScore } } } } }`;

let inProcess: RunningService<any>[] = [];
let support: ChildProcess | undefined;
let supportPort: number;
let gateway: RunningGateway;
let url: string;
let token: string;
let customerName: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The support subgraph as its own process, the way it runs in production. */
async function startSupportProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/index.ts'], {
    cwd: supportDirectory,
    env: {
      ...process.env,
      PORT: String(supportPort),
      DATABASE_URL: testDatabaseUrl('support'),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'fatal',
      RAPPORT_CREATE_DATABASE: 'true',
    },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`support exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${supportPort}/readyz`).then((response) => response.ok, () => false);
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('support never became ready');
}

before(async () => {
  supportPort = await freePort();
  const start = (definition: any, database: string) => startServiceForTest(definition, { databaseUrl: testDatabaseUrl(database), jwtSecret: TEST_JWT_SECRET });
  const started = await Promise.all([
    start(contactsService, 'contacts'),
    start(salesPipelineService, 'sales-pipeline'),
    start(analyticsService, 'analytics'),
    startSupportProcess(),
  ]);
  support = started[3];
  inProcess = started.slice(0, 3) as RunningService<any>[];
  const [contacts, sales, analytics] = inProcess;
  const graphqlUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;
  gateway = await startGateway(
    parseEnv(gatewayEnvironmentSchema, {
      PORT: '0',
      CONTACTS_URL: graphqlUrl(contacts!.port),
      SALES_PIPELINE_URL: graphqlUrl(sales!.port),
      SUPPORT_URL: graphqlUrl(supportPort),
      ANALYTICS_URL: graphqlUrl(analytics!.port),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: process.env['KILL_TEST_LOG_LEVEL'] ?? 'fatal',
      TENANT_COST_PER_SECOND: '0',
      // A killed subgraph refuses connections at once; the long timeout only keeps a loaded
      // test machine's slow answers from counting as failures.
      SUBGRAPH_TIMEOUT_MS: '15000',
    }),
  );
  url = `http://127.0.0.1:${gateway.port}/graphql`;
  const tenant = createTestTenant();
  token = await tenant.token();
  customerName = `Killed ${tenant.tenantId.slice(0, 8)}`;
  const created = await graphqlRequest(url, `mutation($name: String!) { createCustomer(input: { name: $name, kind: BUSINESS }) { customer { id } } }`, {
    token,
    variables: { name: customerName },
  });
  assert.equal(created.errors, undefined, JSON.stringify(created.errors));
});

after(async () => {
  support?.kill('SIGKILL');
  await gateway?.stop();
  await Promise.all(inProcess.map((service) => service.stop()));
});

const whole = (result: GraphQLResponse<Record<string, any>>) =>
  result.errors === undefined && result.data?.['customers'].edges[0]?.node.satisfaction?.responses === 0;

describe('a subgraph killed under load', () => {
  it('keeps the gateway and the other fields answering, leaks no address, and is whole again within 5 s of restart', async () => {
    // A baseline first: the graph answers whole before the load starts.
    const warm = Date.now() + 60_000;
    while (!whole(await graphqlRequest(url, CUSTOMER_360, { token }))) {
      assert.ok(Date.now() < warm, 'the graph never answered whole before the kill');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const results: { phase: string; answeredIn: string; status: number; body: GraphQLResponse<Record<string, any>> }[] = [];
    let phase = 'before';
    let running = true;
    // Three clients in a loop of cross-subgraph queries for the whole test: load, while leaving
    // the other test files running beside this one their share of two cores.
    const clients = Array.from({ length: 3 }, async () => {
      while (running) {
        // The phase a request was sent in: one sent before the kill may still come back whole.
        const sentIn = phase;
        const body = await graphqlRequest(url, CUSTOMER_360, { token });
        results.push({ phase: sentIn, answeredIn: phase, status: body.status, body });
      }
    });
    const waitFor = async (condition: () => boolean, ms: number, what: string) => {
      const deadline = Date.now() + ms;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      await waitFor(() => results.filter((result) => result.phase === 'before').length >= 6, 60_000, 'load before the kill');
      phase = 'dying';
      const exited = new Promise((resolve) => support!.once('exit', resolve));
      support!.kill('SIGKILL');
      await exited;
      phase = 'killed';
      await waitFor(() => results.filter((result) => result.phase === 'killed').length >= 6, 60_000, 'load while support is down');

      phase = 'restarting';
      support = await startSupportProcess();
      const ready = Date.now();
      phase = 'restarted';
      await waitFor(() => results.some((result) => result.phase === 'restarted' && whole(result.body)), 5_000, 'a whole answer after the restart');
      assert.ok(Date.now() - ready <= 5_000);
    } finally {
      running = false;
      await Promise.all(clients);
    }

    // Requests in flight when the process died are cut off with it: only those answered before count.
    const broken = results.filter((result) => result.answeredIn === 'before' && !whole(result.body));
    assert.deepEqual(broken, [], 'whole before the kill');
    const killed = results.filter((result) => result.phase === 'killed');
    for (const { status, body } of killed) {
      assert.equal(status, 200);
      const node = body.data?.['customers'].edges[0].node;
      assert.equal(node.name, customerName);
      assert.deepEqual(node.revenue, { orderCount: 0 });
      assert.equal(node.satisfaction, null);
      assert.deepEqual(
        body.errors?.map((error) => [error.extensions?.['code'], error.extensions?.['service']]),
        [['SUBGRAPH_UNAVAILABLE', 'support']],
      );
      assert.doesNotMatch(JSON.stringify(body), /127\.0\.0\.1|localhost|http:\/\/|ECONNREFUSED|:\d{4,5}\b/);
    }
  });
});
