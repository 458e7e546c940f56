// customer-360 through the gateway vs the hand-written SQL baseline, alternating A B A B.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@rapport/test-kit';
import { alternate, fmt, fmtSpread, load, summarise, type LoadResult } from '../lib/load.js';
import { listeningPort, startProcess, TS_NODE, waitForAnswer, type Child } from '../lib/processes.js';
import { customer360Body } from '../lib/operations.js';
import { table, writeResult } from '../lib/report.js';
import { queriesKey } from '../lib/statements.js';
import { BENCH_DATA, gatewayUrl, PORTS, ROOT, STACK_ENV } from '../lib/stack.js';
import { cycle, type BenchContext } from './context.js';

async function sequential(url: string, token: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: customer360Body(id) });
    await response.text();
  }
}

const MEMORY_SUBGRAPHS = [
  ['contacts', 'CONTACTS_URL'],
  ['sales-pipeline', 'SALES_PIPELINE_URL'],
  ['support', 'SUPPORT_URL'],
  ['analytics', 'ANALYTICS_URL'],
] as const;

/**
 * The federation floor: our gateway, set up as the bench stack's, in front of four subgraphs
 * with the real schemas and HTTP stack that answer from memory (a recorded customer-360). What
 * it costs is what the gateway, two sequential subgraph hops and their GraphQL execution cost
 * without any database work: the least a federated customer-360 can take on this machine.
 */
async function startFederationFloor(context: BenchContext, children: Child[]): Promise<string> {
  const recorded = await (
    await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${context.token}` }, body: customer360Body(context.customerIds[0]!) })
  ).text();
  const recordedFile = join(BENCH_DATA, 'customer-360-recorded.json');
  writeFileSync(recordedFile, recorded);
  const urls: Record<string, string> = {};
  for (const [service, variable] of MEMORY_SUBGRAPHS) {
    const child = startProcess([...TS_NODE, 'bench/peers/memory-subgraph.ts', service, recordedFile]);
    children.push(child);
    urls[variable] = `http://127.0.0.1:${await listeningPort(child)}/graphql`;
  }
  const port = await freePort();
  const gateway = startProcess([...TS_NODE, 'src/index.ts'], {
    cwd: join(ROOT, 'gateway'),
    env: { ...STACK_ENV, ...urls, JWT_SECRET: context.stack.secret, PORT: String(port), SUPERGRAPH_SOURCE: 'static', LOG_LEVEL: 'error' },
  });
  children.push(gateway);
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForAnswer(url, { headers: { authorization: `Bearer ${context.token}` }, body: customer360Body(context.customerIds[0]!) }, 120_000);
  // Warmed like the stack's gateway, which has served the statement counts before the rounds.
  await sequential(url, context.token, context.customerIds.slice(0, 200));
  return url;
}

export async function customer360(context: BenchContext): Promise<void> {
  context.log('customer-360: gateway vs direct SQL, and the federation floor (subgraphs answering from memory)');
  const children: Child[] = [];
  const baseline = startProcess([...TS_NODE, 'bench/baseline/sql-server.ts'], { env: { PORT: '0', JWT_SECRET: context.stack.secret, BASELINE_POSTGRES_PORT: String(PORTS.postgres) } });
  children.push(baseline);
  const baselinePort = await listeningPort(baseline);
  const floorUrl = await startFederationFloor(context, children);
  const sides = { gateway: gatewayUrl, 'direct SQL': `http://127.0.0.1:${baselinePort}/customer360` };
  const headers = { authorization: `Bearer ${context.token}` };
  try {
    // Same customers, same shape: a sanity check that both answer, and what each answer weighs.
    const sample = context.customerIds.slice(0, 20);
    const shape: Record<string, { bytes: number; errors: number }> = {};
    for (const [name, url] of Object.entries({ ...sides, 'federation floor': floorUrl })) {
      let bytes = 0;
      let errors = 0;
      for (const id of sample) {
        const text = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: customer360Body(id) })).text();
        bytes += Buffer.byteLength(text);
        if (text.includes('"errors"')) errors += 1;
      }
      shape[name] = { bytes: Math.round(bytes / sample.length), errors };
    }

    const statements: Record<string, Record<string, number>> = {};
    for (const [name, url] of Object.entries(sides)) {
      const ids = context.customerIds.slice(20, 120);
      statements[name] = await context.statements.measure(() => sequential(url, context.token, ids), ids.length);
    }

    const runs: { name: string; url: string; connections: number }[] = [];
    for (const connections of [1, 50]) for (const [name, url] of Object.entries(sides)) runs.push({ name: `${name} c=${connections}`, url, connections });
    runs.push({ name: 'federation floor c=1', url: floorUrl, connections: 1 });
    const results = await alternate<LoadResult>(
      context.rounds,
      runs.map((run) => {
        const next = cycle(context.customerIds);
        return { name: run.name, run: () => load({ url: run.url, connections: run.connections, seconds: context.seconds, headers, body: () => customer360Body(next()) }) };
      }),
      context.log,
    );
    const summary = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, summarise(list)]));
    const statementTotal = (name: string) => Object.entries(statements[name] ?? {}).reduce((sum, [key, count]) => (key.endsWith('(queries)') ? sum : sum + count), 0);
    context.tables.push(
      table(
        `customer-360 (${context.customerIds.length} customers cycled; ${context.rounds} alternating rounds of ${context.seconds} s; medians, (min-max) over rounds; latency ms)`,
        ['side', 'p50', 'p95', 'p99', 'req/s', 'bad answers', 'bytes/answer', 'SQL stmts/request'],
        Object.entries(summary).map(([name, s]) => {
          const side = name.replace(/ c=\d+$/, '');
          return [name, fmtSpread(s.p50), fmtSpread(s.p95), fmtSpread(s.p99), fmtSpread(s.rps, 0), fmt(s.bad.median, 0), String(shape[side]?.bytes ?? ''), fmt(statementTotal(side), 1)];
        }),
      ),
    );
    const databases = [...new Set(Object.values(statements).flatMap((perDb) => Object.keys(perDb)))].filter((key) => !key.endsWith('(queries)')).sort();
    context.tables.push(
      table(
        'customer-360: SQL statements per request by database, all (of which queries; the rest is BEGIN/COMMIT and the tenant set_config), 100 sequential requests, background subtracted',
        ['side', ...databases, 'total'],
        Object.entries(statements).map(([name, perDb]) => [
          name,
          ...databases.map((db) => `${fmt(perDb[db] ?? 0, 1)} (${fmt(perDb[queriesKey(db)] ?? 0, 1)})`),
          `${fmt(databases.reduce((sum, db) => sum + (perDb[db] ?? 0), 0), 1)} (${fmt(databases.reduce((sum, db) => sum + (perDb[queriesKey(db)] ?? 0), 0), 1)})`,
        ]),
      ),
    );
    const ratio = summary['gateway c=1']!.p50.median / summary['direct SQL c=1']!.p50.median;
    const floorRatio = summary['federation floor c=1']!.p50.median / summary['direct SQL c=1']!.p50.median;
    context.log(`  goal p50 at c=1 within 2x the baseline: ${fmt(ratio, 2)}x -> ${ratio <= 2 ? 'holds' : 'does not hold'}`);
    context.log(`  the federation floor alone (no database) is ${fmt(floorRatio, 2)}x the baseline's p50; the database work adds ${fmt(summary['gateway c=1']!.p50.median - summary['federation floor c=1']!.p50.median, 1)} ms`);
    writeResult('customer-360', { rounds: context.rounds, seconds: context.seconds, shape, statements, summary, runs: results, p50RatioAtC1: ratio, floorP50RatioAtC1: floorRatio });
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}
