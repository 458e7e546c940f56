import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestTenant, identityHeaderFor, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { parse } from 'graphql';
import { startServiceForTest, type RequestContext, type RunningService, type ServiceDefinition } from '../src/index.js';

// A minimal subgraph whose one query takes a while, to hold a request in flight.
let release: (() => void) | undefined;
const slowService: ServiceDefinition<RequestContext> = {
  name: 'lifecycle-probe',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { slow: String! }
  `),
  resolvers: {
    Query: {
      slow: async (_parent: unknown, _args: unknown, context: RequestContext) => {
        await new Promise<void>((resolve) => (release = resolve));
        return `done for ${context.auth.tenantId}`;
      },
    },
  },
  entities: [],
  migrations: [],
  createContext: (base) => base,
};

let service: RunningService<RequestContext>;
before(async () => {
  service = await startServiceForTest(slowService, { databaseUrl: testDatabaseUrl('service_kit'), jwtSecret: TEST_JWT_SECRET });
});
after(async () => {
  await service.stop();
});

describe('service lifecycle', () => {
  it('answers /healthz and /readyz with the database reachable', async () => {
    const health = await fetch(`http://127.0.0.1:${service.port}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`http://127.0.0.1:${service.port}/readyz`);
    assert.deepEqual(await ready.json(), { status: 'ready', checks: { database: true } });
  });

  it('finishes a request in flight when stopped, then refuses new connections', async () => {
    const tenant = createTestTenant();
    const url = `http://127.0.0.1:${service.port}/graphql`;
    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await identityHeaderFor(await tenant.token())) },
      body: JSON.stringify({ query: '{ slow }' }),
    });
    while (!release) await new Promise((resolve) => setTimeout(resolve, 10));
    // stop() closes the listening socket before its first await: new connections are refused
    // from here on, while the old request is still open.
    const stopping = service.stop();
    await assert.rejects(fetch(`http://127.0.0.1:${service.port}/healthz`));
    release();
    const response = await inFlight;
    assert.deepEqual(await response.json(), { data: { slow: `done for ${tenant.tenantId}` } });
    await stopping;
    assert.equal(service.dataSource.isInitialized, false, 'the pool is closed after the drain');
  });
});
