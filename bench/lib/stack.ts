// The stack the benchmarks measure: the development stack's own code (rapport-dev start) with
// its data, ports and log of its own under bench/.data, so it never touches a developer's
// .data/ and works on a fresh machine. A stack already running there is reused.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signToken } from '@rapport/service-kit';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BENCH_DATA = join(ROOT, 'bench', '.data');
export const RESULTS = join(ROOT, 'bench', 'results');

export const PORTS = {
  postgres: 55329,
  kafka: 19192,
  gateway: 4100,
  subgraphBase: 4100,
};

export const SUBGRAPHS = [
  { name: 'contacts', workspace: 'services/contacts', port: PORTS.subgraphBase + 1, database: 'rapport_contacts', urlVariable: 'CONTACTS_URL' },
  { name: 'sales-pipeline', workspace: 'services/sales-pipeline', port: PORTS.subgraphBase + 2, database: 'rapport_sales_pipeline', urlVariable: 'SALES_PIPELINE_URL' },
  { name: 'support', workspace: 'services/support', port: PORTS.subgraphBase + 3, database: 'rapport_support', urlVariable: 'SUPPORT_URL' },
  { name: 'analytics', workspace: 'services/analytics', port: PORTS.subgraphBase + 4, database: 'rapport_analytics', urlVariable: 'ANALYTICS_URL' },
] as const;

export const databaseUrl = (database: string) => `postgres://postgres:postgres@127.0.0.1:${PORTS.postgres}/${database}`;
export const gatewayUrl = `http://127.0.0.1:${PORTS.gateway}/graphql`;
export const subgraphUrl = (name: string) => `http://127.0.0.1:${SUBGRAPHS.find((s) => s.name === name)!.port}/graphql`;

/** Workers per gateway process: one per core, the same for every gateway compared. */
export const GATEWAY_WORKERS = Number(process.env['BENCH_GATEWAY_WORKERS'] ?? 2);

/** What the stack's processes get beyond the defaults: quiet logs, no rate limit (the load is the point). */
export const STACK_ENV: Record<string, string> = {
  RAPPORT_DATA_DIR: BENCH_DATA,
  RAPPORT_POSTGRES_PORT: String(PORTS.postgres),
  RAPPORT_KAFKA_PORT: String(PORTS.kafka),
  GATEWAY_PORT: String(PORTS.gateway),
  RAPPORT_SUBGRAPH_PORT_BASE: String(PORTS.subgraphBase),
  LOG_LEVEL: 'warn',
  TENANT_COST_PER_SECOND: '0',
  SUBGRAPH_TIMEOUT_MS: '15000',
  GATEWAY_WORKERS: String(GATEWAY_WORKERS),
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
};

export interface Stack {
  /** The file the stack's output (Postgres' statement log included) goes to. */
  logFile: string;
  secret: string;
  memberId: string;
  tokenFor(tenantId: string): Promise<string>;
  stop(): Promise<void>;
}

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

export async function startStack(log: (line: string) => void): Promise<Stack> {
  mkdirSync(BENCH_DATA, { recursive: true });
  const logFile = process.env['BENCH_STACK_LOG'] ?? join(BENCH_DATA, 'stack.log');
  let child: ChildProcess | undefined;
  if (await ready(`http://127.0.0.1:${PORTS.gateway}/readyz`)) {
    log(`reusing the bench stack already running on port ${PORTS.gateway} (log: ${logFile})`);
  } else {
    const out = openSync(logFile, 'a');
    const started = Date.now();
    child = spawn(process.execPath, [join(ROOT, 'packages/dev-stack/bin/rapport-dev.mjs'), 'start'], {
      cwd: ROOT,
      env: { ...process.env, ...STACK_ENV },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    const deadline = Date.now() + 300_000;
    while (!(await ready(`http://127.0.0.1:${PORTS.gateway}/readyz`))) {
      if (child.exitCode !== null) throw new Error(`the bench stack exited (${child.exitCode}); see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`the bench stack did not start in 300 s; see ${logFile}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    log(`bench stack started in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${logFile})`);
  }
  const identity = JSON.parse(readFileSync(join(BENCH_DATA, 'dev-identity.json'), 'utf8')) as { secret: string; memberId: string };
  return {
    logFile,
    secret: identity.secret,
    memberId: identity.memberId,
    tokenFor: (tenantId) => signToken(identity.secret, { tenantId, memberId: identity.memberId, roles: ['admin'] }, { expiresIn: '6h' }),
    stop: async () => {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function benchTenantMarker(): { tenant: string; customers: number; seed: number } | null {
  const file = join(BENCH_DATA, 'bench-tenant.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { tenant: string; customers: number; seed: number }) : null;
}
