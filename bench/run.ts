// npm run bench: every scenario against one bench stack, tables on stdout, JSON in bench/results/.
// BENCH_ONLY=customer-360,gateways picks scenarios; BENCH_ROUNDS and BENCH_SECONDS size the
// alternating load runs (defaults: 5 rounds of 5 s, which keeps the whole run under 20 minutes
// on a 2-core machine once the tenant is seeded).
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { tenantIdFor } from '../packages/dev-stack/src/tenant-name.js';
import { runSeed } from '../packages/dev-stack/src/seed/run.js';
import { startOfCurrentMonth } from '../packages/dev-stack/src/seed/plan.js';
import { createStatementCounter } from './lib/statements.js';
import { benchTenantMarker, BENCH_DATA, databaseUrl, gatewayUrl, RESULTS, startStack } from './lib/stack.js';
import type { BenchContext } from './scenarios/context.js';
import { customer360 } from './scenarios/customer-360.js';
import { customerList } from './scenarios/customer-list.js';
import { gateways } from './scenarios/gateways.js';
import { freshness } from './scenarios/freshness.js';
import { rebuild } from './scenarios/rebuild.js';
import { coldStart } from './scenarios/cold-start.js';
import { protections } from './scenarios/protections.js';

const SCENARIOS: Record<string, (context: BenchContext) => Promise<void>> = {
  'customer-360': customer360,
  'customer-list': customerList,
  gateways,
  freshness,
  'cold-start': coldStart,
  rebuild,
  protections,
};

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);
const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim()).filter(Boolean);
const customers = Number(process.env['BENCH_CUSTOMERS'] ?? 10_000);

log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
const stack = await startStack(log);
let failed = false;
try {
  // BENCH_TENANT points the scenarios at another, already seeded tenant (for trying a change quickly).
  const tenantName = process.env['BENCH_TENANT'] ?? 'bench';
  const tenantId = tenantIdFor(tenantName);
  const token = await stack.tokenFor(tenantId);
  const marker = benchTenantMarker();
  if (tenantName === 'bench' && (!marker || marker.customers !== customers)) {
    log(`seeding the bench tenant: ${customers} customers (once; kept in bench/.data)`);
    await runSeed({ customers, seed: 1, asOf: startOfCurrentMonth() }, { url: gatewayUrl, token, concurrency: 8, log: (line) => log(`  ${line}`) });
    mkdirSync(BENCH_DATA, { recursive: true });
    writeFileSync(join(BENCH_DATA, 'bench-tenant.json'), JSON.stringify({ tenant: 'bench', customers, seed: 1 }));
  }
  const contacts = new pg.Client(databaseUrl('rapport_contacts'));
  await contacts.connect();
  // A fixed, spread-out sample: every 20th customer by id.
  const { rows } = await contacts.query<{ id: string }>(
    `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM customers WHERE tenant_id = $1 AND erased_at IS NULL) s WHERE n % 20 = 0 LIMIT 500`,
    [tenantId],
  );
  await contacts.end();
  log(`bench tenant ${tenantId}: ${rows.length} customers in the request sample`);
  const statements = await createStatementCounter(stack.logFile);
  const context: BenchContext = {
    stack,
    tenantId,
    token,
    customerIds: rows.map((row) => row.id),
    statements,
    rounds: Number(process.env['BENCH_ROUNDS'] ?? 5),
    seconds: Number(process.env['BENCH_SECONDS'] ?? 5),
    log,
    tables: [],
  };
  try {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      if (only && !only.includes(name)) continue;
      log(`scenario ${name}`);
      try {
        await scenario(context);
      } catch (error) {
        failed = true;
        log(`scenario ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    await statements.close();
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'summary.json'), `${JSON.stringify({ at: new Date().toISOString(), seconds: (performance.now() - started) / 1000, tables: context.tables }, null, 2)}\n`);
  log(`all scenarios done in ${elapsed()}`);
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);
