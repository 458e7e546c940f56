import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { contactsService } from '@rapport/contacts';
import { salesPipelineService } from '@rapport/sales-pipeline';
import { IMPORT_MAX_BYTES, parseEnv, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { gatewayEnvironmentSchema } from '../src/environment.js';
import { startGateway, type RunningGateway } from '../src/start.js';

const services: RunningService<any>[] = [];
let contacts: RunningService<any>;
let sales: RunningService<any>;
let gateway: RunningGateway;
/** The same graph with a 64 KiB import limit, to prove the streamed limit without sending 100 MB. */
let smallGateway: RunningGateway;
let base: string;

before(async () => {
  const start = (definition: any, database: string) =>
    startServiceForTest(definition, { databaseUrl: testDatabaseUrl(database), jwtSecret: TEST_JWT_SECRET });
  [contacts, sales] = await Promise.all([start(contactsService, 'contacts'), start(salesPipelineService, 'sales-pipeline')]);
  services.push(contacts, sales);
  const subgraphUrl = (service: RunningService<any>) => `http://127.0.0.1:${service.port}/graphql`;
  const environment = parseEnv(gatewayEnvironmentSchema, {
    PORT: '0',
    CONTACTS_URL: subgraphUrl(contacts),
    SALES_PIPELINE_URL: subgraphUrl(sales),
    // Imports touch only contacts and sales-pipeline: the other two are composed, never called.
    SUPPORT_URL: 'http://127.0.0.1:9/graphql',
    ANALYTICS_URL: 'http://127.0.0.1:9/graphql',
    JWT_SECRET: TEST_JWT_SECRET,
    // The suite runs on a loaded 2-core machine: a slow answer is not what these tests are about.
    SUBGRAPH_TIMEOUT_MS: '30000',
    LOG_LEVEL: 'error',
  });
  [gateway, smallGateway] = await Promise.all([startGateway(environment), startGateway(environment, undefined, { importMaxBytes: 64 * 1024 })]);
  base = `http://127.0.0.1:${gateway.port}`;
});

after(async () => {
  await Promise.all([gateway?.stop(), smallGateway?.stop()]);
  await Promise.all(services.map((service) => service.stop()));
});

async function post(url: string, body: string | ReadableStream, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function waitFor<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('gateway: streamed CSV imports', () => {
  it('streams /imports/customers to contacts and answers its ImportReport', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const csv = 'name,kind,email,externalId\nAcme,BUSINESS,ops@acme.example,A-1\nBroken,BUSINESS,nope,A-2\n';
    // A stream, as a large upload would be, not a buffered string.
    const result = await post(`${base}/imports/customers`, Readable.toWeb(Readable.from([csv.slice(0, 20), csv.slice(20)])) as ReadableStream, {
      authorization: `Bearer ${token}`,
      'content-type': 'text/csv; charset=utf-8',
    });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal(result.body['received'], 2);
    assert.equal(result.body['imported'], 1);
    assert.deepEqual(result.body['rejected'].map((rejection: any) => [rejection.row, rejection.field]), [[2, 'email']]);
    const listed = await graphqlRequest(`${base}/graphql`, `{ customers { edges { node { name externalId } } } }`, { token });
    assert.deepEqual(listed.data?.['customers'].edges, [{ node: { name: 'Acme', externalId: 'A-1' } }]);
  });

  it('imports orders with createCustomers: the customer appears in contacts under the id sales-pipeline minted', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const csv = 'customerExternalId,placedAt,amount,currency\n00042,19970101,29.33,USD\n00042,19970101,29.33,USD\n00043,19970102,0.00,USD\n';
    const result = await post(`${base}/imports/orders?createCustomers=true`, csv, { authorization: `Bearer ${token}`, 'content-type': 'text/csv' });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.deepEqual(result.body, { received: 3, imported: 3, updated: 0, rejected: [] });
    const [minted] = (await sales.dataSource.query(`SELECT customer_id FROM customer_directory WHERE tenant_id = $1 AND external_id = '00042'`, [
      tenant.tenantId,
    ])) as { customer_id: string }[];
    assert.ok(minted);
    const customer = await waitFor(async () => {
      const read = await graphqlRequest(`${base}/graphql`, `query($id: ID!) { customer(id: $id) { id name externalId revenue { orderCount } } }`, {
        token,
        variables: { id: minted.customer_id },
      });
      return read.data?.['customer'] ?? undefined;
    }, 'contacts to create the imported customer');
    assert.deepEqual(customer, { id: minted.customer_id, name: 'Customer 00042', externalId: '00042', revenue: { orderCount: 2 } });
  });

  it('answers 401 without a valid token and 415 for a body that is not text/csv, importing nothing', async () => {
    const tenant = createTestTenant();
    const anonymous = await post(`${base}/imports/orders`, 'customerExternalId,placedAt,amount,currency\nX,2024-01-01,1,USD\n', { 'content-type': 'text/csv' });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body['errors'][0].extensions.code, 'UNAUTHENTICATED');
    const json = await post(`${base}/imports/customers`, '{"csv":"name,kind"}', { authorization: `Bearer ${await tenant.token(['sales'])}`, 'content-type': 'application/json' });
    assert.equal(json.status, 415);
    assert.equal(json.body['errors'][0].extensions.code, 'BAD_REQUEST');
    const analyst = await post(`${base}/imports/customers`, 'name,kind\nA,BUSINESS\n', { authorization: `Bearer ${await tenant.token(['analyst'])}`, 'content-type': 'text/csv' });
    assert.equal(analyst.status, 403);
    assert.equal(analyst.body['errors'][0].extensions.code, 'FORBIDDEN');
    const [row] = (await contacts.dataSource.query(`SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`, [tenant.tenantId])) as { n: number }[];
    assert.equal(row!.n, 0);
  });

  it('refuses a body declared over 100 MB with 413 before reading it', async () => {
    const token = await createTestTenant().token(['sales']);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${base}/imports/customers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(IMPORT_MAX_BYTES + 1) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on('error', reject);
      request.write('name,kind\n');
    });
    assert.equal(status, 413);
  });

  it('cuts a streamed body at the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const token = await createTestTenant().token(['sales']);
    const rows = Array.from({ length: 4_000 }, (_, index) => `Customer ${index},INDIVIDUAL,,,,,,`).join('\n');
    assert.ok(rows.length > 64 * 1024);
    // Chunked, no Content-Length: only counting the bytes as they pass can catch it.
    const body = Readable.toWeb(Readable.from([`name,kind,email,domain,industry,country,externalId,tags\n${rows}\n`])) as ReadableStream;
    const result = await post(`http://127.0.0.1:${smallGateway.port}/imports/customers`, body, { authorization: `Bearer ${token}`, 'content-type': 'text/csv' });
    assert.equal(result.status, 413);
    assert.equal(result.body['errors'][0].extensions.code, 'PAYLOAD_TOO_LARGE');
  });
});
