// The event pipeline, measured: (a) raw kafkajs producer-to-consumer on the development
// broker, (b) the full path — GraphQL mutation in contacts, outbox, relay, broker, analytics
// consumer, read-model upsert — for throughput and commit-to-read-model latency. Each
// throughput is the median of BENCH_EVENT_ROUNDS runs (3): single runs of a few seconds each
// gave ratios from 0.32 to 0.54 on a quiet machine.
// Run from the repo root: node --conditions=development --import tsx bench/event-pipeline.ts
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CustomerCreatedV1 } from '@rapport/events';
import { recordEvents } from '@rapport/messaging';
import { createDataSource, signToken } from '@rapport/service-kit';
import { freePort, graphqlRequest, startEmbeddedPostgres, TEST_JWT_SECRET } from '@rapport/test-kit';

const { Kafka, logLevel } = kafkajs;
const RAW_MESSAGES = Number(process.env['BENCH_RAW_MESSAGES'] ?? 100_000);
const FULL_WRITES = Number(process.env['BENCH_FULL_WRITES'] ?? 20_000);
const WRITE_CONCURRENCY = Number(process.env['BENCH_WRITE_CONCURRENCY'] ?? 32);
const MUTATIONS = Number(process.env['BENCH_MUTATIONS'] ?? 3_000);
const LATENCY_SECONDS = Number(process.env['BENCH_LATENCY_SECONDS'] ?? 10);
// The test secret: graphqlRequest signs the gateway's identity header only for test tokens,
// and the services (called directly here) accept identity only from that header.
const SECRET = TEST_JWT_SECRET;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds (user + system) a process has used, with its waited-for children (Linux /proc). */
function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}
/** Live processes whose parent is `pid`. */
function childPids(pid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1] === String(pid)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

// Durable settings on both sides, as in development: Postgres fsyncs commits, the broker fsyncs produce requests.
const postgres = await startEmbeddedPostgres({ ephemeral: false, dataDir: join(mkdtempSync(join(tmpdir(), 'bench-pg-')), 'data') });
// Every part in a process of its own, as `npm start` and production run them: one Node
// event loop for broker, relay and consumer would measure that loop, not the pipeline.
const children: ChildProcess[] = [];
// A run that fails half-way (a refused request, say) must not leave its broker and services behind.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
});
const tsNode = ['--conditions=development', '--import', 'tsx'];
const brokerDir = mkdtempSync(join(tmpdir(), 'bench-kafka-'));
const brokerProcess = spawn(process.execPath, ['packages/kafka-broker/bin/rapport-kafka.mjs', '--port', '0', '--data-dir', brokerDir, '--log-level', 'warn'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
children.push(brokerProcess);
const brokerPort = await new Promise<number>((resolve) =>
  createInterface({ input: brokerProcess.stdout! }).on('line', (line) => {
    if (line.includes('"listening"')) resolve((JSON.parse(line) as { port: number }).port);
  }),
);
const brokers = `127.0.0.1:${brokerPort}`;

// --- (a) raw kafkajs: 1 KiB events in batches of 100, produced and consumed concurrently ---
const kafka = new Kafka({ clientId: 'bench', brokers: [brokers], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'raw-latency', numPartitions: 6 }] });
await admin.disconnect();
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
const event = Buffer.alloc(1024, 'e');
/** One round of (a): RAW_MESSAGES produced and consumed on a topic and group of the round's own. */
async function rawThroughput(round: number) {
  const topic = `raw-events-${round}`;
  const roundAdmin = kafka.admin();
  await roundAdmin.connect();
  await roundAdmin.createTopics({ topics: [{ topic, numPartitions: 6 }] });
  await roundAdmin.disconnect();
  const rawConsumer = kafka.consumer({ groupId: `raw-${round}`, maxWaitTimeInMs: 50 });
  await rawConsumer.connect();
  await rawConsumer.subscribe({ topic, fromBeginning: true });
  let rawConsumed = 0;
  const rawDone = new Promise<void>((resolve) =>
    void rawConsumer.run({
      eachBatch: async ({ batch }) => {
        rawConsumed += batch.messages.length;
        if (rawConsumed >= RAW_MESSAGES) resolve();
      },
    }),
  );
  const rawCpuBefore = { broker: cpuSeconds(brokerProcess.pid!), 'bench (producer, consumer)': cpuSeconds(process.pid) };
  const rawStart = performance.now();
  for (let sent = 0; sent < RAW_MESSAGES; sent += 100) {
    await producer.send({ topic, acks: -1, messages: Array.from({ length: 100 }, (_v, i) => ({ key: String((sent + i) % 1000), value: event })) });
  }
  await rawDone;
  const seconds = (performance.now() - rawStart) / 1000;
  const cpuPerEvent = {
    broker: +(((cpuSeconds(brokerProcess.pid!) - rawCpuBefore.broker) * 1000) / RAW_MESSAGES).toFixed(3),
    'bench (producer, consumer)': +(((cpuSeconds(process.pid) - rawCpuBefore['bench (producer, consumer)']) * 1000) / RAW_MESSAGES).toFixed(3),
  };
  await rawConsumer.disconnect();
  return { rate: RAW_MESSAGES / seconds, seconds, cpuPerEvent };
}

// Raw latency at half the raw throughput, batches of 100 stamped with their send time.
const rawLatencies: number[] = [];
async function rawLatency(rawTargetRate: number) {
  const latencyConsumer = kafka.consumer({ groupId: 'raw-latency', maxWaitTimeInMs: 50 });
  await latencyConsumer.connect();
  await latencyConsumer.subscribe({ topic: 'raw-latency', fromBeginning: true });
  await latencyConsumer.run({
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      for (const message of batch.messages) rawLatencies.push(now - Number(message.value!.subarray(0, 20).toString().trim()));
    },
  });
  await sleep(1000);
  const rawLatencyStart = performance.now();
  let rawLatencySent = 0;
  while (performance.now() - rawLatencyStart < LATENCY_SECONDS * 1000) {
    const due = rawLatencyStart + (rawLatencySent / rawTargetRate) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const stamp = Buffer.from(String(performance.now()).padEnd(20, ' '));
    const value = Buffer.concat([stamp, event.subarray(20)]);
    await producer.send({ topic: 'raw-latency', acks: -1, messages: Array.from({ length: 100 }, (_v, i) => ({ key: String(i), value })) });
    rawLatencySent += 100;
  }
  while (rawLatencies.length < rawLatencySent) await sleep(20);
  await latencyConsumer.disconnect();
  await producer.disconnect();
  rawLatencies.sort((x, y) => x - y);
}

// (a) on the broker alone, before any service runs beside it (their idle polling costs the broker
// and this process about a third of (a)'s throughput); each throughput is the median of ROUNDS.
const ROUNDS = Number(process.env['BENCH_EVENT_ROUNDS'] ?? 3);
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const rawRounds: Awaited<ReturnType<typeof rawThroughput>>[] = [];
for (let round = 0; round < ROUNDS; round += 1) rawRounds.push(await rawThroughput(round));
const rawRate = median(rawRounds.map((round) => round.rate));
const { seconds: rawSeconds, cpuPerEvent: rawCpuPerEvent } = rawRounds.find((round) => round.rate === rawRate)!;
const rawTargetRate = rawRate / 2;
await rawLatency(rawTargetRate);

// --- (b) the full path ---
async function startServiceProcess(workspace: string, database: string): Promise<{ url: string; databaseUrl: string }> {
  const port = await freePort();
  const databaseUrl = postgres.url.replace(/\/postgres$/, `/${database}`);
  const profile = process.env['BENCH_CPU_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`] : [];
  const child = spawn(process.execPath, [...profile, ...tsNode, 'src/index.ts'], {
    cwd: join(process.cwd(), workspace),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, RELAY_TRACE: workspace.includes('contacts') ? process.env['RELAY_TRACE'] : undefined, PORT: String(port), DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '20', JWT_SECRET: SECRET, KAFKA_BROKERS: brokers, LOG_LEVEL: 'error', RAPPORT_CREATE_DATABASE: 'true' },
  });
  children.push(child);
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { url: `http://127.0.0.1:${port}/graphql`, databaseUrl };
    await sleep(100);
  }
}
const contacts = await startServiceProcess('services/contacts', 'bench_contacts');
const contactsProcess = children.at(-1)!;
const analytics = await startServiceProcess('services/analytics', 'bench_analytics');
const analyticsProcess = children.at(-1)!;

/** Where the CPU goes, per process; Postgres counts its postmaster and every backend, live or ended. */
function cpuByProcess(): Record<string, number> {
  const postmasters = childPids(process.pid).filter((pid) => !children.some((child) => child.pid === pid));
  const postgresSeconds = postmasters.reduce((sum, pid) => sum + cpuSeconds(pid) + childPids(pid).reduce((inner, child) => inner + cpuSeconds(child), 0), 0);
  return {
    broker: cpuSeconds(brokerProcess.pid!),
    'contacts (relay)': cpuSeconds(contactsProcess.pid!),
    'analytics (consumer)': cpuSeconds(analyticsProcess.pid!),
    postgres: postgresSeconds,
    'bench (writer)': cpuSeconds(process.pid),
  };
}
const contactsDb = createDataSource({ url: contacts.databaseUrl, entities: [], migrations: [], poolSize: 8 });
const analyticsDb = createDataSource({ url: analytics.databaseUrl, entities: [], migrations: [], poolSize: 2 });
await contactsDb.initialize();
await analyticsDb.initialize();
const CREATE = `mutation($name: String!) { createCustomer(input: { name: $name, kind: BUSINESS, country: "GB" }) { customer { id } } }`;

async function writeCustomers(tenantId: string, count: number, concurrency: number, pace?: number) {
  const token = await signToken(SECRET, { tenantId, memberId: randomUUID(), roles: ['sales'] });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        if (pace) {
          const wait = start + (index / pace) * 1000 - performance.now();
          if (wait > 1) await sleep(wait);
        }
        const result = await graphqlRequest(contacts.url, CREATE, { token, variables: { name: `Customer ${index}` } });
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

/**
 * The bulk service write an import performs: a batch of customers and their CustomerCreated
 * events per transaction, through the same outbox as every other write.
 */
const BULK_BATCH = Number(process.env['BENCH_BULK_BATCH'] ?? 500);
async function bulkWriteCustomers(tenantId: string, count: number, concurrency: number, pacePerSec?: number) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const first = next;
        next += BULK_BATCH;
        if (pacePerSec) {
          const wait = start + (first / pacePerSec) * 1000 - performance.now();
          if (wait > 1) await sleep(wait);
        }
        const createdAt = new Date();
        const rows = Array.from({ length: Math.min(BULK_BATCH, count - first) }, (_v, offset) => ({ id: randomUUID(), name: `Customer ${first + offset}` }));
        await contactsDb.transaction(async (manager) => {
          await manager.query(
            `INSERT INTO customers (id, tenant_id, name, kind, country, created_at, updated_at)
             SELECT id, $1, name, 'BUSINESS', 'GB', $2, $2 FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, name text)`,
            [tenantId, createdAt, JSON.stringify(rows)],
          );
          await recordEvents(
            manager,
            'contacts',
            CustomerCreatedV1,
            rows.map((row) => ({
              tenantId,
              customerId: row.id,
              occurredAt: createdAt,
              payload: {
                name: row.name, kind: 'BUSINESS', externalId: null, email: null, domain: null, industry: null, country: 'GB',
                lifecycleStage: 'ACQUISITION', ownerId: null, tags: [], source: null, createdAt: createdAt.toISOString(),
              },
            })),
          );
        });
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

async function readModelCount(tenantId: string): Promise<number> {
  const [row] = await analyticsDb.query(`SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`, [tenantId]);
  return (row as { n: number }).n;
}

// Warm up the consumer group and the relay before measuring.
const warmTenant = randomUUID();
await writeCustomers(warmTenant, 100, 4);
while ((await readModelCount(warmTenant)) < 100) await sleep(50);

// Single GraphQL mutations: the interactive write path, one transaction per customer.
const mutationTenant = randomUUID();
const mutationSeconds = await writeCustomers(mutationTenant, MUTATIONS, WRITE_CONCURRENCY);
const mutationRate = MUTATIONS / mutationSeconds;

// The pipeline at its maximum: bulk writes as fast as they go, until the read model has them all.
/** One round of (b): FULL_WRITES bulk-written into a tenant of the round's own, until the read model has them all. */
async function fullThroughput() {
  const throughputTenant = randomUUID();
  const cpuBefore = cpuByProcess();
  const fullStart = performance.now();
  const probe = process.env['BENCH_PROBE']
    ? setInterval(async () => {
        const [backlog] = await contactsDb.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
        console.log(`${((performance.now() - fullStart) / 1000).toFixed(2)}s outbox backlog ${backlog.n}, read model ${await readModelCount(throughputTenant)}`);
      }, 250)
    : undefined;
  const writeSeconds = await bulkWriteCustomers(throughputTenant, FULL_WRITES, 8);
  while ((await readModelCount(throughputTenant)) < FULL_WRITES) await sleep(20);
  if (probe) clearInterval(probe);
  const fullSeconds = (performance.now() - fullStart) / 1000;
  const fullRate = FULL_WRITES / fullSeconds;
  const cpuAfter = cpuByProcess();
  // CPU milliseconds per event of each process over the throughput run: 2 cores give 2,000 ms a second in all.
  const cpuPerEvent = Object.fromEntries(Object.entries(cpuAfter).map(([name, seconds]) => [name, +(((seconds - cpuBefore[name]!) * 1000) / FULL_WRITES).toFixed(3)]));
  return { rate: fullRate, seconds: fullSeconds, writeSeconds, cpuPerEvent };
}

const fullRounds: Awaited<ReturnType<typeof fullThroughput>>[] = [];
for (let round = 0; round < ROUNDS; round += 1) fullRounds.push(await fullThroughput());
const fullRate = median(fullRounds.map((round) => round.rate));
const { seconds: fullSeconds, writeSeconds, cpuPerEvent } = fullRounds.find((round) => round.rate === fullRate)!;

// Commit-to-read-model latency at half of (b)'s maximum rate.
const latencyTenant = randomUUID();
const latencyRate = fullRate / 2;
const latencyWrites = Math.round((latencyRate * LATENCY_SECONDS) / BULK_BATCH) * BULK_BATCH;
await bulkWriteCustomers(latencyTenant, latencyWrites, 4, latencyRate);
while ((await readModelCount(latencyTenant)) < latencyWrites) await sleep(20);
const created: { id: string; created_at: Date }[] = await contactsDb.query(`SELECT id, created_at FROM customers WHERE tenant_id = $1`, [latencyTenant]);
const updated: { customer_id: string; updated_at: Date }[] = await analyticsDb.query(
  `SELECT customer_id, updated_at FROM customer_metrics WHERE tenant_id = $1`,
  [latencyTenant],
);
const updatedAt = new Map(updated.map((row) => [row.customer_id, row.updated_at.getTime()]));
const fullLatencies = created.map((row) => updatedAt.get(row.id)! - row.created_at.getTime()).sort((x, y) => x - y);

await contactsDb.destroy();
await analyticsDb.destroy();
for (const child of children.reverse()) {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
await postgres.stop();
rmSync(brokerDir, { recursive: true, force: true });

const results = {
  date: new Date().toISOString(),
  node: process.version,
  raw: {
    messages: RAW_MESSAGES,
    msgPerSec: Math.round(rawRate),
    latencyAtMsgPerSec: Math.round(rawTargetRate),
    p50Ms: +percentile(rawLatencies, 50).toFixed(2),
    p95Ms: +percentile(rawLatencies, 95).toFixed(2),
    p99Ms: +percentile(rawLatencies, 99).toFixed(2),
    cpuMsPerEvent: rawCpuPerEvent,
    roundsMsgPerSec: rawRounds.map((round) => Math.round(round.rate)),
  },
  full: {
    events: FULL_WRITES,
    bulkWritesPerSec: Math.round(FULL_WRITES / writeSeconds),
    singleMutationsPerSec: Math.round(mutationRate),
    mutationConcurrency: WRITE_CONCURRENCY,
    pipelinePerSec: Math.round(fullRate),
    latencyAtWritesPerSec: Math.round(latencyRate),
    latencySamples: fullLatencies.length,
    p50Ms: +percentile(fullLatencies, 50).toFixed(1),
    p95Ms: +percentile(fullLatencies, 95).toFixed(1),
    p99Ms: +percentile(fullLatencies, 99).toFixed(1),
    cpuMsPerEvent: cpuPerEvent,
    roundsPerSec: fullRounds.map((round) => Math.round(round.rate)),
  },
  goals: { fullAtLeastHalfOfRaw: fullRate >= rawRate / 2, p95UnderMs: 250 },
};
const status = (ok: boolean) => (ok ? 'ok' : 'MISSED');
console.table({
  '(a) raw kafkajs, 1 KiB x 100, produce+consume': { result: `${results.raw.msgPerSec} events/s`, goal: '', status: '' },
  [`(a) raw latency @${results.raw.latencyAtMsgPerSec}/s p50/p95/p99`]: { result: `${results.raw.p50Ms} / ${results.raw.p95Ms} / ${results.raw.p99Ms} ms`, goal: '', status: '' },
  '(b) single GraphQL mutations (one transaction each)': { result: `${results.full.singleMutationsPerSec} writes/s`, goal: '', status: '' },
  '(b) full path: service write -> read model': { result: `${results.full.pipelinePerSec} events/s (writes ${results.full.bulkWritesPerSec}/s)`, goal: `>= ${Math.round(rawRate / 2)} (half of a)`, status: status(results.goals.fullAtLeastHalfOfRaw) },
  [`(b) commit-to-read-model @${results.full.latencyAtWritesPerSec}/s p50/p95/p99`]: { result: `${results.full.p50Ms} / ${results.full.p95Ms} / ${results.full.p99Ms} ms`, goal: 'p95 < 250 ms', status: status(results.full.p95Ms < 250) },
});
console.log(`rounds (medians above): (a) ${rawRounds.map((round) => Math.round(round.rate)).join(', ')} events/s; (b) ${fullRounds.map((round) => Math.round(round.rate)).join(', ')} events/s`);
console.log(`(a) CPU ms per event during the median throughput round (wall ${rawSeconds.toFixed(2)} s):`, rawCpuPerEvent);
console.log(`(b) CPU ms per event during the median throughput round (wall ${fullSeconds.toFixed(2)} s):`, cpuPerEvent);
mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
writeFileSync(join(process.cwd(), 'bench', 'results', 'event-pipeline.json'), `${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
