// Cold start: a fresh process of each subgraph and of the gateway, from spawn to its first
// answered part of customer-360 (the subgraphs run as `npm start` runs them: TypeScript through
// tsx). Then the query-plan time of every operation the tests send through the public graph,
// each planned once by a planner that has not seen it (goal: under 50 ms each).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { createIdentitySigner, DEVELOPMENT_IDENTITY_SECRET, IDENTITY_HEADER } from '@rapport/service-kit';
import { freePort } from '@rapport/test-kit';
import { parse, validate } from 'graphql';
import { composeSupergraph } from '../../gateway/src/supergraph.js';
import { subgraphsFrom } from '../../gateway/src/subgraphs.js';
import { fmt, percentile } from '../lib/load.js';
import { CUSTOMER_360, CUSTOMER_LIST, customer360Body } from '../lib/operations.js';
import { startProcess, TS_NODE, waitForAnswer } from '../lib/processes.js';
import { table, writeResult } from '../lib/report.js';
import { databaseUrl, PORTS, ROOT, SUBGRAPHS, subgraphUrl } from '../lib/stack.js';
import type { BenchContext } from './context.js';

/** Each subgraph's share of customer-360, asked of it directly as the gateway would. */
const SUBGRAPH_PARTS: Record<string, string> = {
  contacts: 'query($id: ID!) { customer(id: $id) { id name contacts { id firstName } } }',
  'sales-pipeline': 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { deals(status: OPEN) { id } orders(first: 10) { edges { node { id } } } revenue { orderCount } } } }',
  support: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { tickets(status: OPEN, first: 10) { totalCount } satisfaction { responses } } } }',
  analytics: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { metrics { healthScore updatedAt } } } }',
};

function testFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory)) {
    if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) continue;
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

/** The operation strings in the test files that are valid against the public graph. */
function testOperations(supergraph: Supergraph): { file: string; source: string }[] {
  const operations: { file: string; source: string }[] = [];
  const seen = new Set<string>();
  const api = supergraph.apiSchema().toGraphQLJSSchema();
  for (const root of ['services', 'gateway']) {
    for (const file of testFiles(join(ROOT, root))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/[`'"]\s*((?:query|mutation)\b[^`'"]*?|\{[^`'"]*?)[`'"]/g)) {
        const source = match[1]!;
        if (source.includes('${') || !/\w/.test(source) || seen.has(source)) continue;
        try {
          // Tests of the gateway's protections send invalid operations (fragment cycles): those never reach a planner.
          if (validate(api, parse(source)).length > 0) continue;
          operationFromDocument(supergraph.schema, parse(source), { validate: true });
        } catch {
          continue;
        }
        seen.add(source);
        operations.push({ file: file.slice(ROOT.length + 1), source });
      }
    }
  }
  return operations;
}

export async function coldStart(context: BenchContext): Promise<void> {
  context.log('cold start: process start -> first answered customer-360 (part)');
  const customerId = context.customerIds[0]!;
  // The identity header lives 60 s: signed afresh for each attempt, as the gateway signs per request.
  const sign = createIdentitySigner(DEVELOPMENT_IDENTITY_SECRET);
  const identityHeader = async () => ({ [IDENTITY_HEADER]: await sign({ tenantId: context.tenantId, memberId: context.stack.memberId, roles: ['admin'] }) });
  const starts: Record<string, number> = {};
  for (const subgraph of SUBGRAPHS) {
    const port = await freePort();
    const started = performance.now();
    const child = startProcess([...TS_NODE, 'src/index.ts'], {
      cwd: join(ROOT, subgraph.workspace),
      env: {
        PORT: String(port),
        DATABASE_URL: databaseUrl(subgraph.database),
        JWT_SECRET: context.stack.secret,
        KAFKA_BROKERS: `127.0.0.1:${PORTS.kafka}`,
        LOG_LEVEL: 'warn',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
      },
    });
    try {
      const query = SUBGRAPH_PARTS[subgraph.name]!;
      const variables = subgraph.name === 'contacts' ? { id: customerId } : { r: [{ __typename: 'Customer', id: customerId }] };
      starts[subgraph.name] = await waitForAnswer(`http://127.0.0.1:${port}/graphql`, { headers: identityHeader, body: JSON.stringify({ query, variables }) }, 120_000, started);
    } catch (error) {
      context.log(`  ${subgraph.name}: ${error instanceof Error ? error.message : String(error)}`);
      starts[subgraph.name] = Number.NaN;
    } finally {
      await child.stop();
    }
  }
  const urls = { CONTACTS_URL: subgraphUrl('contacts'), SALES_PIPELINE_URL: subgraphUrl('sales-pipeline'), SUPPORT_URL: subgraphUrl('support'), ANALYTICS_URL: subgraphUrl('analytics') };
  {
    const port = await freePort();
    const started = performance.now();
    const child = startProcess([...TS_NODE, 'src/index.ts'], {
      cwd: join(ROOT, 'gateway'),
      env: { ...urls, PORT: String(port), JWT_SECRET: context.stack.secret, LOG_LEVEL: 'warn', SUPERGRAPH_SOURCE: 'static', NODE_ENV: 'production', GATEWAY_WORKERS: '1' },
    });
    try {
      starts['gateway'] = await waitForAnswer(`http://127.0.0.1:${port}/graphql`, { headers: { authorization: `Bearer ${context.token}` }, body: customer360Body(customerId) }, 120_000, started);
    } catch (error) {
      context.log(`  gateway: ${error instanceof Error ? error.message : String(error)}`);
      starts['gateway'] = Number.NaN;
    } finally {
      await child.stop();
    }
  }
  context.tables.push(table('cold start: spawn -> first answered customer-360 part (ms; tsx, as npm start runs them)', ['process', 'ms'], Object.entries(starts).map(([name, ms]) => [name, fmt(ms, 0)])));

  const supergraph = Supergraph.build(composeSupergraph(subgraphsFrom(urls)).supergraphSdl);
  const operations = [{ file: 'bench: customer-360', source: CUSTOMER_360 }, { file: 'bench: customer list', source: CUSTOMER_LIST }, ...testOperations(supergraph)];
  const planner = new QueryPlanner(supergraph);
  // The process's first plan pays for loading and compiling the planner's code: reported apart,
  // with an operation of its own across three subgraphs, so each measured one is new to the planner.
  const warm = performance.now();
  planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse('{ customers(first: 1) { edges { node { id revenue { orderCount } satisfaction { responses } } } } }'), { validate: true }));
  const firstPlanMs = performance.now() - warm;
  const plans = operations.map(({ file, source }) => {
    const t0 = performance.now();
    planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(source), { validate: true }));
    return { file, operation: source.replace(/\s+/g, ' ').slice(0, 70), ms: performance.now() - t0 };
  });
  const sorted = plans.map((plan) => plan.ms).sort((a, b) => a - b);
  const slowest = [...plans].sort((a, b) => b.ms - a.ms).slice(0, 8);
  context.tables.push(
    table(
      `query-plan time, each operation planned once, cold (${plans.length} operations: the bench's and those in the test files valid against the public graph)`,
      ['operation', 'file', 'ms'],
      [...slowest.map((plan) => [plan.operation, plan.file, fmt(plan.ms, 2)]), ['p50 / p95 / max of all', '', `${fmt(percentile(sorted, 50), 2)} / ${fmt(percentile(sorted, 95), 2)} / ${fmt(sorted.at(-1) ?? Number.NaN, 2)}`]],
    ),
  );
  const under = plans.every((plan) => plan.ms < 50);
  context.log(`  goal query-plan time under 50 ms for each operation: ${under ? 'holds' : 'does not hold'} (max ${fmt(sorted.at(-1) ?? Number.NaN, 2)} ms; the planner's very first plan, a warm-up across three subgraphs, took ${fmt(firstPlanMs, 1)} ms)`);
  writeResult('cold-start', { startMs: starts, firstPlanMs, plans, planGoalHolds: under });
}
