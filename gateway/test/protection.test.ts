import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyticsService } from '@rapport/analytics';
import { contactsService } from '@rapport/contacts';
import { salesPipelineService } from '@rapport/sales-pipeline';
import { parseEnv, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { supportService } from '@rapport/support';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { gatewayEnvironmentSchema } from '../src/environment.js';
import { operationHash } from '../src/safelist.js';
import { startGateway, type RunningGateway } from '../src/start.js';

const services: RunningService<any>[] = [];
let gateway: RunningGateway;
let url: string;
let token: string;
let subgraphCalls = 0;

before(async () => {
  const start = (definition: any, database: string) =>
    startServiceForTest(definition, { databaseUrl: testDatabaseUrl(database), jwtSecret: TEST_JWT_SECRET });
  services.push(
    ...(await Promise.all([
      start(contactsService, 'contacts'),
      start(salesPipelineService, 'sales-pipeline'),
      start(supportService, 'support'),
      start(analyticsService, 'analytics'),
    ])),
  );
  const [contacts, sales, support, analytics] = services.map((service) => `http://127.0.0.1:${service.port}/graphql`);
  gateway = await startGateway(
    parseEnv(gatewayEnvironmentSchema, {
      PORT: '0',
      CONTACTS_URL: contacts,
      SALES_PIPELINE_URL: sales,
      SUPPORT_URL: support,
      ANALYTICS_URL: analytics,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
    }),
    undefined,
    // Tight depth so the probe does not depend on how deep today's schema goes.
    { limits: { maxDepth: 4 }, onSubgraphRequest: () => void (subgraphCalls += 1) },
  );
  url = `http://127.0.0.1:${gateway.port}/graphql`;
  token = await createTestTenant().token(['analyst']);
});

after(async () => {
  await gateway?.stop();
  await Promise.all(services.map((service) => service.stop()));
});

/** Runs a probe and checks it reached no subgraph. */
async function probe<T>(send: () => Promise<T>): Promise<T> {
  const before = subgraphCalls;
  const result = await send();
  assert.equal(subgraphCalls, before, 'a rejected operation must not reach any subgraph');
  return result;
}

const post = (body: string, contentType = 'application/json') =>
  fetch(url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });

describe('per-tenant rate limit on operation cost', () => {
  it('answers 429 RATE_LIMITED with Retry-After to a tenant over its rate, not to another tenant', async () => {
    const [contacts, sales, support, analytics] = services.map((service) => `http://127.0.0.1:${service.port}/graphql`);
    let calls = 0;
    const limited = await startGateway(
      parseEnv(gatewayEnvironmentSchema, {
        PORT: '0', CONTACTS_URL: contacts, SALES_PIPELINE_URL: sales, SUPPORT_URL: support, ANALYTICS_URL: analytics,
        JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'fatal', TENANT_COST_PER_SECOND: '1000',
      }),
      undefined,
      { onSubgraphRequest: () => void (calls += 1) },
    );
    const limitedUrl = `http://127.0.0.1:${limited.port}/graphql`;
    try {
      const busy = await createTestTenant().token(['analyst']);
      // customers: 1 + 100 * (edges 1 + 1 * (node 1 + id 1 + name 1)) = 401, so the third in a second is over 1,000.
      const expensive = `{ customers(first: 100) { edges { node { id name } } } }`;
      const send = (bearer: string) =>
        fetch(limitedUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query: expensive }) });
      const responses = await Promise.all(Array.from({ length: 6 }, () => send(busy)));
      const limitedResponses = responses.filter((response) => response.status === 429);
      assert.ok(limitedResponses.length >= 1, 'some requests over the rate are refused');
      const refused = limitedResponses[0]!;
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
      assert.equal(body.errors[0]?.extensions.code, 'RATE_LIMITED');

      const callsBefore = calls;
      const other = await send(await createTestTenant().token(['analyst']));
      assert.equal(other.status, 200, 'another tenant is not slowed by the busy one');
      assert.ok(calls > callsBefore);
    } finally {
      await limited.stop();
    }
  });
});

describe('persisted-operation safelist', () => {
  it('runs only the operations of the manifest, by hash or exact text, and refuses the rest unseen', async () => {
    const allowed = '{ customers(first: 1) { totalCount } }';
    const directory = mkdtempSync(join(tmpdir(), 'rapport-safelist-'));
    const manifestPath = join(directory, 'operations.json');
    writeFileSync(manifestPath, JSON.stringify({ operations: [{ id: operationHash(allowed), body: allowed }] }));
    const [contacts, sales, support, analytics] = services.map((service) => `http://127.0.0.1:${service.port}/graphql`);
    let calls = 0;
    const safe = await startGateway(
      parseEnv(gatewayEnvironmentSchema, {
        PORT: '0', CONTACTS_URL: contacts, SALES_PIPELINE_URL: sales, SUPPORT_URL: support, ANALYTICS_URL: analytics,
        JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'fatal', PERSISTED_OPERATIONS_MANIFEST: manifestPath,
      }),
      undefined,
      { onSubgraphRequest: () => void (calls += 1) },
    );
    const safeUrl = `http://127.0.0.1:${safe.port}/graphql`;
    const send = (body: unknown) =>
      fetch(safeUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    try {
      const byHash = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(allowed) } } });
      assert.equal(byHash.status, 200);
      assert.equal(((await byHash.json()) as any).data.customers.totalCount >= 0, true);
      const byText = await send({ query: allowed });
      assert.equal(byText.status, 200);

      const callsBefore = calls;
      const other = await send({ query: '{ customers(first: 2) { totalCount } }' });
      assert.equal(other.status, 400);
      assert.equal(((await other.json()) as any).errors[0].extensions.code, 'OPERATION_NOT_ALLOWED');
      const unknownHash = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
      assert.equal(unknownHash.status, 400);
      assert.equal(calls, callsBefore, 'refused operations reach no subgraph');
    } finally {
      await safe.stop();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('gateway protections (production mode)', () => {
  it('answers an ordinary query, reaching the subgraphs', async () => {
    const before = subgraphCalls;
    const result = await graphqlRequest(url, `{ customers(first: 5) { totalCount } }`, { token });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.ok(subgraphCalls > before);
  });

  it('refuses introspection', async () => {
    const result = await probe(() => graphqlRequest(url, `{ __schema { types { name } } }`, { token }));
    assert.equal(result.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
  });

  it('gives no field suggestions that would map the schema', async () => {
    const result = await probe(() => graphqlRequest(url, `{ customr(id: "x") { id } }`, { token }));
    assert.ok(result.errors?.length);
    assert.doesNotMatch(JSON.stringify(result.errors), /Did you mean/i);
  });

  it('rejects 101 aliases of a real field', async () => {
    const aliases = Array.from({ length: 101 }, (_v, index) => `a${index}: customers(first: 1) { totalCount }`).join(' ');
    const result = await probe(() => graphqlRequest(url, `{ ${aliases} }`, { token }));
    assert.equal(result.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects 500 duplicated fields', async () => {
    const fields = Array.from({ length: 500 }, () => 'totalCount').join(' ');
    const result = await probe(() => graphqlRequest(url, `{ customers { ${fields} } }`, { token }));
    assert.equal(result.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
    assert.equal(result.data ?? null, null);
  });

  it('rejects an operation over the token limit', async () => {
    const selections = Array.from({ length: 1_500 }, (_v, index) => `f${index}: __typename`).join(' ');
    const result = await probe(() => graphqlRequest(url, `{ ${selections} }`, { token }));
    assert.ok(result.errors?.length);
    assert.equal(result.data ?? null, null);
  });

  it('rejects nesting deeper than the limit', async () => {
    const result = await probe(() => graphqlRequest(url, `{ customers { edges { node { revenue { lifetime { amount } } } } } }`, { token }));
    assert.equal(result.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects circular fragments', async () => {
    const result = await probe(() =>
      graphqlRequest(url, `query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`, { token }),
    );
    assert.equal(result.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects first: $n with n = 100000 as BAD_USER_INPUT on first', async () => {
    const result = await probe(() =>
      graphqlRequest(url, `query($n: Int) { customers(first: $n) { totalCount } }`, { token, variables: { n: 100_000 } }),
    );
    assert.equal(result.status, 400);
    assert.equal(result.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.['field'], 'first');
  });

  it('rejects a batched array request', async () => {
    const response = await probe(() => post(JSON.stringify([{ query: '{ customers { totalCount } }' }, { query: '{ customers { totalCount } }' }])));
    assert.equal(response.status, 400);
  });

  it('rejects a mutation sent with GET', async () => {
    const query = encodeURIComponent('mutation { createCustomer(input: { name: "x", kind: BUSINESS }) { customer { id } } }');
    const response = await probe(() =>
      fetch(`${url}?query=${query}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } }),
    );
    assert.equal(response.status, 405);
  });

  it('rejects a urlencoded POST (CSRF prevention)', async () => {
    const response = await probe(() => post('query=%7B%20customers%20%7B%20totalCount%20%7D%20%7D', 'application/x-www-form-urlencoded'));
    assert.equal(response.status, 400);
  });

  it('answers 413 with a JSON code, not a stack, for a body over 2 MB', async () => {
    const response = await probe(() => post(JSON.stringify({ query: `{ customers { totalCount } }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } })));
    assert.equal(response.status, 413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    assert.equal(body.errors[0]?.extensions.code, 'PAYLOAD_TOO_LARGE');
    assert.doesNotMatch(JSON.stringify(body), /at .*\.js/);
  });
});
