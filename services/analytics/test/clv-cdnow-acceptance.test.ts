import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startBroker, type RunningBroker } from '@rapport/kafka-broker';
import { salesPipelineService } from '@rapport/sales-pipeline';
import { startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { analyticsService } from '../src/service.js';

// The acceptance of issue 8: CDNOW_sample imported through the public API into a fresh tenant,
// carried to analytics by the events, then the model refitted and read back. A broker and
// databases of its own: a relay publishes its database's whole outbox, and an analytics
// consumer group on a shared broker would split the partitions with other test files.
let broker: RunningBroker;
let brokerDir: string;
let sales: RunningService<any>;
let analytics: RunningService<any>;

before(async () => {
  brokerDir = mkdtempSync(join(tmpdir(), 'rapport-clv-kafka-'));
  broker = await startBroker({ port: 0, dataDir: brokerDir, fsync: false, logLevel: 'fatal' });
  const env = { KAFKA_BROKERS: `127.0.0.1:${broker.port}` };
  sales = await startServiceForTest(salesPipelineService, { databaseUrl: testDatabaseUrl('sales_pipeline_clv'), jwtSecret: TEST_JWT_SECRET, env });
  analytics = await startServiceForTest(analyticsService, { databaseUrl: testDatabaseUrl('analytics_clv_acceptance'), jwtSecret: TEST_JWT_SECRET, env });
});

after(async () => {
  await sales?.stop();
  await analytics?.stop();
  await broker?.stop().catch(() => undefined);
  rmSync(brokerDir, { recursive: true, force: true });
});

const IMPORT_ORDERS = `mutation($input: ImportOrdersInput!) { importOrders(input: $input) { received imported updated rejected { row field reason } } }`;
const REFIT = `mutation($input: RefitClvModelInput) { refitClvModel(input: $input) { customers repeaters r alpha a b logLikelihood p q gamma calibrationEnd } }`;

/** CDNOW_sample as the import's CSV: one order per transaction (same-day purchases stay separate rows). */
function cdnowCsvChunks(rowsPerChunk: number): { csv: string; rows: number }[] {
  const lines = readFileSync(new URL('./fixtures/CDNOW_sample.txt', import.meta.url), 'utf8').trim().split('\n');
  const rows = lines.map((line, index) => {
    const [master, , date, , dollars] = line.trim().split(/\s+/);
    return `cdnow-${index + 1},${master},${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)},${dollars},USD`;
  });
  const chunks: { csv: string; rows: number }[] = [];
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    const chunk = rows.slice(start, start + rowsPerChunk);
    chunks.push({ csv: ['orderExternalId,customerExternalId,placedAt,amount,currency', ...chunk].join('\n'), rows: chunk.length });
  }
  return chunks;
}

const within = (actual: number, expected: number, relative: number, name: string) =>
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * relative, `${name} = ${actual}, expected ${expected} ± ${relative * 100}%`);

describe('CLV acceptance: CDNOW_sample imported through importOrders, fitted by analytics', () => {
  it('reproduces the published BG/NBD and Gamma-Gamma estimates from events alone', async () => {
    const tenant = createTestTenant();
    const salesToken = await tenant.token(['sales']);
    const chunks = cdnowCsvChunks(3_460);
    assert.equal(chunks.length, 2);
    let received = 0;
    for (const chunk of chunks) {
      const result = await graphqlRequest(`http://127.0.0.1:${sales.port}/graphql`, IMPORT_ORDERS, { token: salesToken, variables: { input: { csv: chunk.csv, createCustomers: true } } });
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      const report = result.data!['importOrders'];
      assert.deepEqual(report.rejected, []);
      assert.equal(report.imported, chunk.rows);
      received += report.received;
    }
    assert.equal(received, 6_919);

    // Every order placed and paid reaches analytics' orders read model.
    const deadline = Date.now() + 180_000;
    let applied = 0;
    while (Date.now() < deadline) {
      const [row] = (await analytics.dataSource.query(`SELECT count(*) FILTER (WHERE paid_at IS NOT NULL)::int AS paid FROM orders WHERE tenant_id = $1`, [tenant.tenantId])) as { paid: number }[];
      applied = row?.paid ?? 0;
      if (applied === 6_919) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(applied, 6_919, 'every imported order applied, paid, by analytics');

    const refit = await graphqlRequest(`http://127.0.0.1:${analytics.port}/graphql`, REFIT, {
      token: await tenant.token(['analyst']),
      variables: { input: { calibrationEnd: '1997-09-30T23:59:59Z' } },
    });
    assert.equal(refit.errors, undefined, JSON.stringify(refit.errors));
    const model = refit.data!['refitClvModel'];
    assert.equal(model.customers, 2_357);
    assert.equal(model.repeaters, 946);
    within(model.r, 0.243, 0.01, 'r');
    within(model.alpha, 4.414, 0.01, 'alpha');
    within(model.a, 0.793, 0.01, 'a');
    within(model.b, 2.426, 0.01, 'b');
    assert.ok(Math.abs(model.logLikelihood - -9582.4) <= 0.5, `logLikelihood = ${model.logLikelihood}`);
    within(model.p, 6.25, 0.02, 'p');
    within(model.q, 3.74, 0.02, 'q');
    within(model.gamma, 15.44, 0.02, 'gamma');

    const read = await graphqlRequest(`http://127.0.0.1:${analytics.port}/graphql`, `{ clvModel { customers repeaters r calibrationEnd } }`, { token: await tenant.token(['analyst']) });
    assert.deepEqual(read.data!['clvModel'], { customers: 2_357, repeaters: 946, r: model.r, calibrationEnd: '1997-09-30T23:59:59.000Z' });
  });
});
