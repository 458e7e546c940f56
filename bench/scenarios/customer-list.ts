// A page of customers with every subgraph's fields: SQL statements per subgraph must not grow
// with the page (entity batches and DataLoaders, not one query per customer).
import { fmt, median } from '../lib/load.js';
import { CUSTOMER_LIST } from '../lib/operations.js';
import { table, writeResult } from '../lib/report.js';
import { queriesKey } from '../lib/statements.js';
import { gatewayUrl } from '../lib/stack.js';
import type { BenchContext } from './context.js';

const REQUESTS = 10;

export async function customerList(context: BenchContext): Promise<void> {
  context.log('customer list: SQL statements per subgraph as the page grows');
  const sizes = [10, 50, 100];
  const perSize: Record<number, { statements: Record<string, number>; ms: number; errors: number }> = {};
  for (const first of sizes) {
    const times: number[] = [];
    let errors = 0;
    const statements = await context.statements.measure(async () => {
      for (let i = 0; i < REQUESTS; i += 1) {
        const t0 = performance.now();
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${context.token}` },
          body: JSON.stringify({ query: CUSTOMER_LIST, variables: { first } }),
        });
        const text = await response.text();
        times.push(performance.now() - t0);
        if (response.status !== 200 || text.includes('"errors"')) errors += 1;
      }
    }, REQUESTS);
    perSize[first] = { statements, ms: median(times), errors };
  }
  const databases = [...new Set(Object.values(perSize).flatMap((s) => Object.keys(s.statements)))].filter((key) => !key.endsWith('(queries)')).sort();
  context.tables.push(
    table(
      `customer list with all four subgraphs' fields: SQL statements per request by database, all (of which queries), ${REQUESTS} requests per size`,
      ['page size', ...databases, 'median ms', 'answers with errors'],
      sizes.map((size) => [String(size), ...databases.map((db) => `${fmt(perSize[size]!.statements[db] ?? 0, 1)} (${fmt(perSize[size]!.statements[queriesKey(db)] ?? 0, 1)})`), fmt(perSize[size]!.ms, 0), String(perSize[size]!.errors)]),
    ),
  );
  const constant = databases.every((db) => {
    // Queries, not transaction bookkeeping: background transactions blur the total more.
    const counts = sizes.map((size) => perSize[size]!.statements[queriesKey(db)] ?? 0);
    return Math.max(...counts) - Math.min(...counts) <= 1.5;
  });
  context.log(`  goal statements per subgraph constant from 10 to 100: ${constant ? 'holds' : 'does not hold'}`);
  writeResult('customer-list', { requests: REQUESTS, perSize, constant });
}
