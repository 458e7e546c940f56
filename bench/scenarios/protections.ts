// What the gateway's protections cost: the same gateway twice on the same subgraphs, once as
// shipped and once with GATEWAY_PROTECTIONS=off (no depth/alias/token/cost limits, no rate
// limit; the token check and the signed identity stay, since subgraphs require them),
// customer-360 at 50 connections, alternating rounds. Goal: under 10% of throughput.
import { join } from 'node:path';
import { freePort } from '@rapport/test-kit';
import { alternate, fmt, fmtSpread, load, summarise, type LoadResult } from '../lib/load.js';
import { customer360Body } from '../lib/operations.js';
import { startProcess, TS_NODE, waitForAnswer, type Child } from '../lib/processes.js';
import { table, writeResult } from '../lib/report.js';
import { GATEWAY_WORKERS, ROOT, subgraphUrl } from '../lib/stack.js';
import { cycle, type BenchContext } from './context.js';

const CONNECTIONS = 50;

export async function protections(context: BenchContext): Promise<void> {
  context.log(`protections: the gateway with its limits on and off (${GATEWAY_WORKERS} workers each, ${CONNECTIONS} connections)`);
  const environment = {
    JWT_SECRET: context.stack.secret,
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    SUPERGRAPH_SOURCE: 'static',
    GATEWAY_WORKERS: String(GATEWAY_WORKERS),
    SUBGRAPH_TIMEOUT_MS: '15000',
    CONTACTS_URL: subgraphUrl('contacts'),
    SALES_PIPELINE_URL: subgraphUrl('sales-pipeline'),
    SUPPORT_URL: subgraphUrl('support'),
    ANALYTICS_URL: subgraphUrl('analytics'),
  };
  const sides = [
    // The rate limit stays on but out of reach, so its bookkeeping is measured, not its refusals.
    { name: 'protections on', env: { GATEWAY_PROTECTIONS: 'on', TENANT_COST_PER_SECOND: '100000000' } },
    { name: 'protections off', env: { GATEWAY_PROTECTIONS: 'off', TENANT_COST_PER_SECOND: '0' } },
  ];
  const headers = { authorization: `Bearer ${context.token}` };
  const running: { name: string; url: string; child: Child }[] = [];
  try {
    for (const side of sides) {
      const port = await freePort();
      const child = startProcess([...TS_NODE, 'src/index.ts'], { cwd: join(ROOT, 'gateway'), env: { ...environment, ...side.env, PORT: String(port) } });
      const url = `http://127.0.0.1:${port}/graphql`;
      await waitForAnswer(url, { headers, body: customer360Body(context.customerIds[0]!) }, 300_000, performance.now());
      running.push({ name: side.name, url, child });
    }
    const results = await alternate<LoadResult>(
      context.rounds,
      running.map(({ name, url }) => {
        const next = cycle(context.customerIds);
        return { name, run: () => load({ url, connections: CONNECTIONS, seconds: context.seconds, headers, body: () => customer360Body(next()) }) };
      }),
      context.log,
    );
    const summary = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, summarise(list)]));
    context.tables.push(
      table(
        `gateway protections on vs off, customer-360, ${CONNECTIONS} connections, ${GATEWAY_WORKERS} workers (${context.rounds} alternating rounds of ${context.seconds} s; medians (min-max); ms)`,
        ['gateway', 'req/s', 'p50', 'p95', 'p99', 'bad answers'],
        Object.entries(summary).map(([name, s]) => [name, fmtSpread(s.rps, 0), fmtSpread(s.p50), fmtSpread(s.p95), fmtSpread(s.p99), fmt(s.bad.median, 0)]),
      ),
    );
    const on = summary['protections on'];
    const off = summary['protections off'];
    const goals: Record<string, string> = {};
    if (on && off) {
      const cost = 1 - on.rps.median / off.rps.median;
      goals['protections cost under 10% of throughput'] = `${fmt(cost * 100, 1)}% -> ${cost < 0.1 ? 'holds' : 'does not hold'}`;
    }
    for (const [goal, verdict] of Object.entries(goals)) context.log(`  goal ${goal}: ${verdict}`);
    writeResult('protections', { workers: GATEWAY_WORKERS, connections: CONNECTIONS, summary, runs: results, goals });
  } finally {
    for (const { child } of running) await child.stop();
  }
}
