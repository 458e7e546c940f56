// Imports, measured: 10k-row importCustomers and 70k-row importOrders (createCustomers, 10k
// customers minted), each through the GraphQL mutation (5,000 rows per call) and through the
// gateway's streamed route; then CDNOW_sample (6,919 rows) through the route. The CSV files
// are generated from a fixed seed, so every run imports the same rows. Postgres is durable
// (fsync on), as in development; no broker, so the figures are the import's own write path
// (rows, lines, payments, directory and the events in the outbox), not Kafka's.
// Run from the repo root: flock /tmp/rapport-bench.lock npm run bench:imports
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestTenant, freePort, graphqlRequest, startEmbeddedPostgres, TEST_JWT_SECRET } from '@rapport/test-kit';

const CUSTOMERS = Number(process.env['BENCH_IMPORT_CUSTOMERS'] ?? 10_000);
const ORDERS = Number(process.env['BENCH_IMPORT_ORDERS'] ?? 70_000);
const MUTATION_ROWS = 5_000;
// The copy the analytics acceptance test reads: the data set travels with the repository.
const CDNOW = join(import.meta.dirname, '../services/analytics/test/fixtures/CDNOW_sample.txt');

const postgres = await startEmbeddedPostgres({ ephemeral: false, dataDir: join(mkdtempSync(join(tmpdir(), 'bench-imports-pg-')), 'data') });
const databaseUrl = (name: string) => {
  const url = new URL(postgres.url);
  url.pathname = `/bench_imports_${name}`;
  return url.toString();
};

// Each part in a process of its own, as `npm start` and production run them.
const children: ChildProcess[] = [];
const withoutKafka = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'KAFKA_BROKERS'));
async function startProcess(entry: string, env: Record<string, string>, port: number): Promise<void> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', entry], {
    // No KAFKA_BROKERS: events stay in the outbox, and the figures are the import's alone.
    env: { ...withoutKafka, LOG_LEVEL: 'warn', JWT_SECRET: TEST_JWT_SECRET, PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok || (await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const [contactsPort, salesPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
await Promise.all([
  startProcess('services/contacts/src/index.ts', { DATABASE_URL: databaseUrl('contacts'), RAPPORT_CREATE_DATABASE: 'true' }, contactsPort),
  startProcess('services/sales-pipeline/src/index.ts', { DATABASE_URL: databaseUrl('sales_pipeline'), RAPPORT_CREATE_DATABASE: 'true' }, salesPort),
]);
await startProcess(
  'gateway/src/index.ts',
  {
    CONTACTS_URL: `http://127.0.0.1:${contactsPort}/graphql`,
    SALES_PIPELINE_URL: `http://127.0.0.1:${salesPort}/graphql`,
    // Imports touch only contacts and sales-pipeline: the other two are composed, never called.
    SUPPORT_URL: 'http://127.0.0.1:9/graphql',
    ANALYTICS_URL: 'http://127.0.0.1:9/graphql',
    TENANT_COST_PER_SECOND: '0',
  },
  gatewayPort,
);
const base = `http://127.0.0.1:${gatewayPort}`;

/** mulberry32: a small seeded generator, so the files are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function customersCsv(count: number): string[] {
  const next = random(1);
  const countries = ['US', 'DE', 'FR', 'GB', 'ES', 'IT', 'NL', 'SE'];
  const rows = ['name,kind,email,domain,industry,country,externalId,tags'];
  for (let i = 0; i < count; i += 1) {
    const business = next() < 0.5;
    rows.push(
      [
        `Customer ${i}`,
        business ? 'BUSINESS' : 'INDIVIDUAL',
        `buyer${i}@example.com`,
        business ? `company${i}.example` : '',
        business ? 'Retail' : '',
        countries[Math.floor(next() * countries.length)],
        `EXT-${i}`,
        next() < 0.3 ? 'vip|newsletter' : '',
      ].join(','),
    );
  }
  return rows;
}

function ordersCsv(count: number, customers: number): string[] {
  const next = random(2);
  const rows = ['customerExternalId,placedAt,amount,currency'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i += 1) {
    const customer = Math.floor(next() * customers);
    const day = new Date(start + Math.floor(next() * 365) * 86_400_000).toISOString().slice(0, 10);
    rows.push(`C${customer},${day},${(Math.floor(next() * 20_000) / 100).toFixed(2)},USD`);
  }
  return rows;
}

async function viaMutation(token: string, mutation: string, rows: string[], extra: Record<string, unknown> = {}): Promise<{ seconds: number; imported: number; rejected: number }> {
  const [header, ...data] = rows;
  let imported = 0;
  let rejected = 0;
  const started = performance.now();
  for (let offset = 0; offset < data.length; offset += MUTATION_ROWS) {
    const csv = [header, ...data.slice(offset, offset + MUTATION_ROWS)].join('\n');
    const result = await graphqlRequest(`${base}/graphql`, mutation, { token, variables: { input: { csv, ...extra } } });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const report = Object.values(result.data as Record<string, { imported: number; updated: number; rejected: unknown[] }>)[0]!;
    imported += report.imported + report.updated;
    rejected += report.rejected.length;
  }
  return { seconds: (performance.now() - started) / 1000, imported, rejected };
}

async function viaRoute(token: string, path: string, rows: string[]): Promise<{ seconds: number; imported: number; rejected: number }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: `${rows.join('\n')}\n`,
  });
  const report = (await response.json()) as { imported: number; updated: number; rejected: unknown[]; errors?: unknown };
  if (!response.ok) throw new Error(JSON.stringify(report));
  return { seconds: (performance.now() - started) / 1000, imported: report.imported + report.updated, rejected: report.rejected.length };
}

const IMPORT_CUSTOMERS = 'mutation($input: ImportCustomersInput!) { importCustomers(input: $input) { received imported updated rejected { row } } }';
const IMPORT_ORDERS = 'mutation($input: ImportOrdersInput!) { importOrders(input: $input) { received imported updated rejected { row } } }';
const line = (what: string, rows: number, result: { seconds: number; imported: number; rejected: number }) =>
  console.log(
    `${what.padEnd(58)} ${String(rows).padStart(6)} rows  ${result.seconds.toFixed(2).padStart(7)} s  ${Math.round(rows / result.seconds)
      .toString()
      .padStart(6)} rows/s  (written ${result.imported}, rejected ${result.rejected})`,
  );

const customerRows = customersCsv(CUSTOMERS);
const orderRows = ordersCsv(ORDERS, CUSTOMERS);
console.log(`imports bench: ${CUSTOMERS} customers, ${ORDERS} orders; durable Postgres, contacts, sales-pipeline and gateway in processes of their own, no broker`);
const sales1 = await createTestTenant().token(['sales']);
line('importCustomers, mutation (5,000-row calls)', CUSTOMERS, await viaMutation(sales1, IMPORT_CUSTOMERS, customerRows));
const sales2 = await createTestTenant().token(['sales']);
line('POST /imports/customers (streamed)', CUSTOMERS, await viaRoute(sales2, '/imports/customers', customerRows));
line('POST /imports/customers again (all updates)', CUSTOMERS, await viaRoute(sales2, '/imports/customers', customerRows));
const sales3 = await createTestTenant().token(['sales']);
line('importOrders createCustomers, mutation (5,000-row calls)', ORDERS, await viaMutation(sales3, IMPORT_ORDERS, orderRows, { createCustomers: true }));
const sales4 = await createTestTenant().token(['sales']);
line('POST /imports/orders?createCustomers=true (streamed)', ORDERS, await viaRoute(sales4, '/imports/orders?createCustomers=true', orderRows));

if (existsSync(CDNOW)) {
  const cdnow = ['customerExternalId,placedAt,amount,currency'];
  for (const text of readFileSync(CDNOW, 'utf8').split('\n')) {
    const [master, , date, , dollars] = text.trim().split(/\s+/);
    if (master && date && dollars) cdnow.push(`${master},${date},${dollars},USD`);
  }
  const sales5 = await createTestTenant().token(['sales']);
  line('CDNOW_sample via POST /imports/orders', cdnow.length - 1, await viaRoute(sales5, '/imports/orders?createCustomers=true', cdnow));
}

for (const child of children.reverse()) {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
await postgres.stop();
