// placeOrder throughput through the gateway: a fresh tenant, one product, and orders of one to
// three lines for customers drawn from a fixed pool, at 1 and 16 connections. Each order is a
// whole write: lines priced server-side, the order row and its OrderPlaced event in the
// outbox in one transaction, the audit row, and the relay publishing to the broker meanwhile.
// Run from the repo root: flock /tmp/rapport-bench.lock npm run bench:orders
import { randomUUID } from 'node:crypto';
import { fmtSpread, load, summarise, type LoadResult } from './lib/load.js';
import { table, writeResult } from './lib/report.js';
import { gatewayUrl, startStack } from './lib/stack.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = [1, 16];

const stack = await startStack((line) => console.log(line));
try {
  const tenantId = randomUUID();
  const token = await stack.tokenFor(tenantId);
  const headers = { authorization: `Bearer ${token}` };
  const product = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      query: `mutation { upsertProduct(input: { sku: "BENCH-1", name: "Bench plan", price: 49.5, currency: "USD" }) { product { id } } }`,
    }),
  }).then((response) => response.json() as Promise<{ data?: { upsertProduct: { product: { id: string } } }; errors?: unknown }>);
  const productId = product.data?.upsertProduct.product.id;
  if (!productId) throw new Error(`cannot create the product: ${JSON.stringify(product.errors)}`);

  // A pool, not one customer: orders of one customer would queue on its rows and say nothing
  // about the service; a pool this size spreads them like a busy shop.
  const customers = Array.from({ length: 1_000 }, () => randomUUID());
  let next = 0;
  const body = () => {
    next += 1;
    const customerId = customers[next % customers.length]!;
    const lines = Array.from({ length: 1 + (next % 3) }, (_unused, index) => `{ productId: "${productId}", quantity: ${1 + ((next + index) % 4)} }`);
    return JSON.stringify({ query: `mutation { placeOrder(input: { customerId: "${customerId}", lines: [${lines.join(', ')}] }) { order { id } } }` });
  };

  const runs = new Map<number, LoadResult[]>(CONNECTIONS.map((connections) => [connections, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const connections of CONNECTIONS) {
      const result = await load({ url: gatewayUrl, connections, seconds: SECONDS, headers, body });
      runs.get(connections)!.push(result);
      console.log(`round ${round + 1}, ${connections} connection(s): ${result.rps.toFixed(1)} orders/s, p95 ${result.p95} ms, bad ${result.bad}`);
    }
  }
  const rows = CONNECTIONS.map((connections) => {
    const s = summarise(runs.get(connections)!);
    return [String(connections), fmtSpread(s.rps), fmtSpread(s.p50, 0), fmtSpread(s.p95, 0), fmtSpread(s.p99, 0), String(s.bad.max)];
  });
  table(`placeOrder through the gateway (${ROUNDS} rounds of ${SECONDS} s; median (min-max))`, ['connections', 'orders/s', 'p50 ms', 'p95 ms', 'p99 ms', 'bad (max)'], rows);
  writeResult('place-order', { rounds: ROUNDS, seconds: SECONDS, runs: Object.fromEntries(runs) });
} finally {
  await stack.stop();
}
