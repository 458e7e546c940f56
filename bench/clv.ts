// Lifetime value, measured: (a) CDNOW_sample imported end to end — importOrders on
// sales-pipeline (two calls of at most 5,000 rows, customers created), outbox, relay, broker,
// analytics' consumers — until refitClvModel has fitted the model; (b) the fit alone, both the
// pure BG/NBD + Gamma-Gamma fit on the data in memory and refitClvModel over the read model.
// Each measured several times; medians printed. Run from the repository root, alone on the
// machine: flock /tmp/rapport-bench.lock npm run bench:clv
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyticsService } from '@rapport/analytics';
import { customerHistories, fitBgNbd, fitGammaGamma } from '@rapport/analytics/clv';
import { startBroker } from '@rapport/kafka-broker';
import { salesPipelineService } from '@rapport/sales-pipeline';
import { startServiceForTest } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, startEmbeddedPostgres, TEST_JWT_SECRET } from '@rapport/test-kit';

const END_TO_END_RUNS = Number(process.env['BENCH_CLV_RUNS'] ?? 3);
const FIT_RUNS = Number(process.env['BENCH_CLV_FIT_RUNS'] ?? 10);
const CALIBRATION_END = '1997-09-30T23:59:59Z';
const FIXTURE = new URL('../services/analytics/test/fixtures/CDNOW_sample.txt', import.meta.url);

const median = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n');
const transactions = lines.map((line) => {
  const [master, , date, , dollars] = line.trim().split(/\s+/);
  return { master: master!, day: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`, dollars: dollars! };
});

// --- (b1) the pure fit, in memory ---
const pureFits: number[] = [];
for (let run = 0; run < FIT_RUNS; run += 1) {
  const start = performance.now();
  const histories = customerHistories(
    transactions.map((row) => ({ customerId: row.master, day: row.day, amount: Number(row.dollars) })),
    CALIBRATION_END.slice(0, 10),
  );
  fitBgNbd(histories);
  fitGammaGamma(histories);
  pureFits.push(performance.now() - start);
}

// --- (a) end to end, and (b2) refitClvModel over the read model ---
const postgres = await startEmbeddedPostgres();
const brokerDir = mkdtempSync(join(tmpdir(), 'bench-clv-kafka-'));
const broker = await startBroker({ port: 0, dataDir: brokerDir, fsync: true, logLevel: 'warn' });
const env = { KAFKA_BROKERS: `127.0.0.1:${broker.port}` };
const databaseUrl = (name: string) => {
  const url = new URL(postgres.url);
  url.pathname = `/rapport_bench_clv_${name}`;
  return url.toString();
};
// Both services in this process: the figures include their sharing one event loop.
const sales = await startServiceForTest(salesPipelineService, { databaseUrl: databaseUrl('sales'), jwtSecret: TEST_JWT_SECRET, env });
const analytics = await startServiceForTest(analyticsService, { databaseUrl: databaseUrl('analytics'), jwtSecret: TEST_JWT_SECRET, env });
const salesUrl = `http://127.0.0.1:${sales.port}/graphql`;
const analyticsUrl = `http://127.0.0.1:${analytics.port}/graphql`;

const IMPORT_ORDERS = `mutation($input: ImportOrdersInput!) { importOrders(input: $input) { received imported updated rejected { row reason } } }`;
const REFIT = `mutation($input: RefitClvModelInput) { refitClvModel(input: $input) { customers repeaters r alpha a b logLikelihood p q gamma } }`;
const header = 'orderExternalId,customerExternalId,placedAt,amount,currency';
const csvRows = transactions.map((row, index) => `cdnow-${index + 1},${row.master},${row.day},${row.dollars},USD`);
const chunks = [csvRows.slice(0, 3_460), csvRows.slice(3_460)].map((rows) => [header, ...rows].join('\n'));

interface Run {
  importMs: number;
  propagateMs: number;
  refitMs: number;
  totalMs: number;
}
const runs: Run[] = [];
const refits: number[] = [];
let lastModel: Record<string, number> | undefined;
try {
  for (let run = 0; run < END_TO_END_RUNS; run += 1) {
    const tenant = createTestTenant();
    const salesToken = await tenant.token(['sales']);
    const analystToken = await tenant.token(['analyst']);
    const start = performance.now();
    for (const csv of chunks) {
      const result = await graphqlRequest(salesUrl, IMPORT_ORDERS, { token: salesToken, variables: { input: { csv, createCustomers: true } } });
      if (result.errors) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
      const report = result.data!['importOrders'];
      if (report.rejected.length > 0) throw new Error(`import rejected rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    }
    const imported = performance.now();
    for (;;) {
      const [row] = (await analytics.dataSource.query(`SELECT count(*) FILTER (WHERE paid_at IS NOT NULL)::int AS paid FROM orders WHERE tenant_id = $1`, [tenant.tenantId])) as { paid: number }[];
      if ((row?.paid ?? 0) >= transactions.length) break;
      if (performance.now() - imported > 600_000) throw new Error('analytics did not apply the import within 10 minutes');
      await sleep(50);
    }
    const propagated = performance.now();
    const refit = await graphqlRequest(analyticsUrl, REFIT, { token: analystToken, variables: { input: { calibrationEnd: CALIBRATION_END } } });
    if (refit.errors) throw new Error(`refit failed: ${JSON.stringify(refit.errors)}`);
    const done = performance.now();
    lastModel = refit.data!['refitClvModel'];
    runs.push({ importMs: imported - start, propagateMs: propagated - imported, refitMs: done - propagated, totalMs: done - start });
    // The fit alone over the read model, on data already in place.
    for (let again = 0; again < 3; again += 1) {
      const before = performance.now();
      const result = await graphqlRequest(analyticsUrl, REFIT, { token: analystToken, variables: { input: { calibrationEnd: CALIBRATION_END } } });
      if (result.errors) throw new Error(`refit failed: ${JSON.stringify(result.errors)}`);
      refits.push(performance.now() - before);
    }
  }
} finally {
  await sales.stop();
  await analytics.stop();
  await broker.stop().catch(() => undefined);
  rmSync(brokerDir, { recursive: true, force: true });
  await postgres.stop();
}

console.log(`CLV on CDNOW_sample (${transactions.length} transactions, calibration end ${CALIBRATION_END})`);
console.log(`  model: ${JSON.stringify(lastModel)}`);
console.log(`  end to end, import until the model is fitted (median of ${runs.length}): ${seconds(median(runs.map((run) => run.totalMs)))}`);
console.log(`    importOrders x2: ${seconds(median(runs.map((run) => run.importMs)))}; events applied by analytics after the import: ${seconds(median(runs.map((run) => run.propagateMs)))}; refitClvModel: ${seconds(median(runs.map((run) => run.refitMs)))}`);
console.log(`    runs: ${runs.map((run) => seconds(run.totalMs)).join(', ')}`);
console.log(`  fit alone, refitClvModel over the read model (median of ${refits.length}): ${seconds(median(refits))}`);
console.log(`  fit alone, BG/NBD + Gamma-Gamma in memory (median of ${pureFits.length}): ${(median(pureFits)).toFixed(0)} ms`);
