// Event freshness under mixed load: while the gateway serves customer-360 reads, customers are
// created through the gateway at a steady rate; each one's lag is the analytics read model's
// change time (customer_metrics.updated_at, stamped with clock_timestamp()) minus the contacts
// row's creation time, both from the same Postgres clock.
import pg from 'pg';
import { fmt, load, percentile } from '../lib/load.js';
import { customer360Body } from '../lib/operations.js';
import { table, writeResult } from '../lib/report.js';
import { databaseUrl, gatewayUrl } from '../lib/stack.js';
import { tenantIdFor } from '../../packages/dev-stack/src/tenant-name.js';
import { cycle, type BenchContext } from './context.js';

const READ_CONNECTIONS = 10;
const WRITES_PER_SECOND = 20;

export async function freshness(context: BenchContext): Promise<void> {
  const seconds = Number(process.env['BENCH_FRESHNESS_SECONDS'] ?? 20);
  context.log(`freshness: CustomerCreated -> analytics read model, ${WRITES_PER_SECOND} writes/s for ${seconds} s under ${READ_CONNECTIONS} connections of reads`);
  // Writes go to a tenant of their own so the measured tenant keeps its 10k customers.
  const writeTenant = tenantIdFor(`bench-freshness`);
  const writeToken = await context.stack.tokenFor(writeTenant);
  const next = cycle(context.customerIds);
  const reads = load({ url: gatewayUrl, connections: READ_CONNECTIONS, seconds, headers: { authorization: `Bearer ${context.token}` }, body: () => customer360Body(next()) });
  const created: string[] = [];
  let writeErrors = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; performance.now() - started < seconds * 1000; i += 1) {
    const due = started + (i * 1000) / WRITES_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${writeToken}` },
        body: JSON.stringify({
          query: 'mutation Fresh($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }',
          variables: { input: { name: `Freshness probe ${Date.now()}-${i}`, kind: 'INDIVIDUAL', country: 'US' } },
        }),
      })
        .then((response) => response.json() as Promise<{ data?: { createCustomer?: { customer: { id: string } } } }>)
        .then((answer) => {
          const id = answer.data?.createCustomer?.customer.id;
          if (id) created.push(id);
          else writeErrors += 1;
        }),
    );
  }
  await Promise.all(pending);
  const readResult = await reads;

  const contacts = new pg.Client(databaseUrl('rapport_contacts'));
  const analytics = new pg.Client(databaseUrl('rapport_analytics'));
  await Promise.all([contacts.connect(), analytics.connect()]);
  try {
    const createdAt = new Map(
      (await contacts.query<{ id: string; ms: string }>(`SELECT id, (extract(epoch FROM created_at) * 1000)::text AS ms FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [writeTenant, created])).rows.map(
        (row) => [row.id, Number(row.ms)],
      ),
    );
    let arrived = new Map<string, number>();
    const deadline = Date.now() + 60_000;
    while (arrived.size < created.length && Date.now() < deadline) {
      arrived = new Map(
        (await analytics.query<{ id: string; ms: string }>(`SELECT customer_id AS id, (extract(epoch FROM updated_at) * 1000)::text AS ms FROM customer_metrics WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`, [writeTenant, created])).rows.map(
          (row) => [row.id, Number(row.ms)],
        ),
      );
      if (arrived.size < created.length) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const lags = [...arrived].flatMap(([id, at]) => (createdAt.has(id) ? [at - createdAt.get(id)!] : [])).sort((a, b) => a - b);
    context.tables.push(
      table(
        `event freshness: createCustomer commit -> analytics customer_metrics (ms), during customer-360 reads at ${READ_CONNECTIONS} connections`,
        ['writes', 'arrived', 'p50', 'p95', 'p99', 'max', 'reads req/s', 'reads p95 ms', 'write errors'],
        [[String(created.length), String(lags.length), fmt(percentile(lags, 50), 0), fmt(percentile(lags, 95), 0), fmt(percentile(lags, 99), 0), fmt(lags.at(-1) ?? Number.NaN, 0), fmt(readResult.rps, 0), fmt(readResult.p95, 0), String(writeErrors)]],
      ),
    );
    writeResult('freshness', { seconds, writesPerSecond: WRITES_PER_SECOND, readConnections: READ_CONNECTIONS, writes: created.length, arrived: lags.length, writeErrors, lagMs: { p50: percentile(lags, 50), p95: percentile(lags, 95), p99: percentile(lags, 99), max: lags.at(-1) }, reads: readResult });
  } finally {
    await Promise.all([contacts.end(), analytics.end()]);
  }
}
