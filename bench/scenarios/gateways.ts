// Our gateway vs stock @apollo/gateway vs Hive Gateway (JS planner, and Rust planner from
// @graphql-hive/router-runtime): same running subgraphs, same supergraph, same worker count,
// customer-360 at 50 connections, alternating rounds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@rapport/test-kit';
import { composeSupergraph } from '../../gateway/src/supergraph.js';
import { subgraphsFrom } from '../../gateway/src/subgraphs.js';
import { alternate, fmt, fmtSpread, load, summarise, type LoadResult } from '../lib/load.js';
import { startProcess, TS_NODE, waitForAnswer, type Child } from '../lib/processes.js';
import { customer360Body } from '../lib/operations.js';
import { table, writeResult } from '../lib/report.js';
import { BENCH_DATA, GATEWAY_WORKERS, ROOT, subgraphUrl } from '../lib/stack.js';
import { cycle, type BenchContext } from './context.js';

const CONNECTIONS = 50;

export async function gateways(context: BenchContext): Promise<void> {
  context.log(`gateways: ours vs stock Apollo vs Hive Gateway (${GATEWAY_WORKERS} workers each, ${CONNECTIONS} connections)`);
  const urls = {
    CONTACTS_URL: subgraphUrl('contacts'),
    SALES_PIPELINE_URL: subgraphUrl('sales-pipeline'),
    SUPPORT_URL: subgraphUrl('support'),
    ANALYTICS_URL: subgraphUrl('analytics'),
  };
  const supergraphFile = join(BENCH_DATA, 'supergraph.graphql');
  writeFileSync(supergraphFile, composeSupergraph(subgraphsFrom(urls)).supergraphSdl);
  const common = { JWT_SECRET: context.stack.secret, LOG_LEVEL: 'error', NODE_ENV: 'production' };
  const hiveBin = join(ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  const hiveConfig = join(ROOT, 'bench/peers/hive-gateway.config.mjs');
  const specs: { name: string; start: (port: number) => Child }[] = [
    {
      name: 'rapport gateway',
      start: (port) =>
        startProcess([...TS_NODE, 'src/index.ts'], {
          cwd: join(ROOT, 'gateway'),
          env: { ...common, ...urls, PORT: String(port), SUPERGRAPH_SOURCE: 'static', GATEWAY_WORKERS: String(GATEWAY_WORKERS), TENANT_COST_PER_SECOND: '0', SUBGRAPH_TIMEOUT_MS: '15000' },
        }),
    },
    {
      name: 'stock @apollo/gateway',
      start: (port) => startProcess([...TS_NODE, 'bench/peers/apollo-stock.ts'], { env: { ...common, PORT: String(port), WORKERS: String(GATEWAY_WORKERS), SUPERGRAPH_FILE: supergraphFile } }),
    },
    {
      name: 'Hive Gateway',
      start: (port) => startProcess([hiveBin, 'supergraph', supergraphFile, '--port', String(port), '--host', '127.0.0.1', '--fork', String(GATEWAY_WORKERS), '-c', hiveConfig], { env: common }),
    },
    {
      name: 'Hive Gateway + router-runtime',
      start: (port) =>
        startProcess([hiveBin, 'supergraph', supergraphFile, '--port', String(port), '--host', '127.0.0.1', '--fork', String(GATEWAY_WORKERS), '-c', hiveConfig, '--hive-router-runtime'], { env: common }),
    },
  ];
  const running: { name: string; url: string; child: Child; startMs: number }[] = [];
  const headers = { authorization: `Bearer ${context.token}` };
  try {
    // Started side by side; each is timed from its own spawn to its first answer.
    await Promise.all(
      specs.map(async (spec) => {
        const port = await freePort();
        const started = performance.now();
        const child = spec.start(port);
        const url = `http://127.0.0.1:${port}/graphql`;
        try {
          const startMs = await waitForAnswer(url, { headers, body: customer360Body(context.customerIds[0]!) }, 300_000, started);
          running.push({ name: spec.name, url, child, startMs });
        } catch (error) {
          context.log(`  ${spec.name} did not answer: ${error instanceof Error ? error.message : String(error)}`);
          await child.stop();
        }
      }),
    );
    running.sort((a, b) => specs.findIndex((s) => s.name === a.name) - specs.findIndex((s) => s.name === b.name));
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
        `gateways on the same subgraphs and supergraph, customer-360, ${CONNECTIONS} connections, ${GATEWAY_WORKERS} workers each (${context.rounds} alternating rounds of ${context.seconds} s; medians (min-max); ms)`,
        ['gateway', 'req/s', 'p50', 'p95', 'p99', 'bad answers', 'start to first answer ms (started together)'],
        Object.entries(summary).map(([name, s]) => [name, fmtSpread(s.rps, 0), fmtSpread(s.p50), fmtSpread(s.p95), fmtSpread(s.p99), fmt(s.bad.median, 0), fmt(running.find((r) => r.name === name)!.startMs, 0)]),
      ),
    );
    const ours = summary['rapport gateway'];
    const goals: Record<string, string> = {};
    if (ours && summary['stock @apollo/gateway']) {
      const ratio = ours.rps.median / summary['stock @apollo/gateway'].rps.median;
      goals['at least matches stock @apollo/gateway (throughput)'] = `${fmt(ratio, 2)}x -> ${ratio >= 1 ? 'holds' : 'does not hold'}`;
    }
    for (const hive of ['Hive Gateway', 'Hive Gateway + router-runtime']) {
      const peer = summary[hive];
      if (!ours || !peer) continue;
      const throughput = ours.rps.median / peer.rps.median;
      const p95 = ours.p95.median / peer.p95.median;
      goals[`vs ${hive}: >= 0.9x throughput, <= 1.2x p95`] = `${fmt(throughput, 2)}x throughput, ${fmt(p95, 2)}x p95 -> ${throughput >= 0.9 && p95 <= 1.2 ? 'holds' : 'does not hold'}`;
    }
    for (const [goal, verdict] of Object.entries(goals)) context.log(`  goal ${goal}: ${verdict}`);
    writeResult('gateways', { workers: GATEWAY_WORKERS, connections: CONNECTIONS, summary, runs: results, goals, startMs: Object.fromEntries(running.map((r) => [r.name, r.startMs])) });
  } finally {
    for (const { child } of running) await child.stop();
  }
}
