// Throughput and latency of the development Kafka broker with the real kafkajs client.
// Run from the repo root: npm run bench:broker
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

const MESSAGE_BYTES = 1024;
const BATCH = 100;
const PRODUCE_MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 16);
const PARTITIONS = Number(process.env.BENCH_PARTITIONS ?? 2);
const LATENCY_RATE = 1000;
const LATENCY_SECONDS = 5;

const dataDir = mkdtempSync(join(tmpdir(), 'kafka-broker-bench-'));
// The broker runs in a process of its own, as in the development stack: sharing one event
// loop with the kafkajs client would measure kafkajs' encoding (about 80% of that thread,
// profiled) rather than the broker.
const brokerProcess = spawn(
  process.execPath,
  ['packages/kafka-broker/bin/rapport-kafka.mjs', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn', ...(process.env.BENCH_FSYNC === 'off' ? ['--no-fsync'] : [])],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const broker = await new Promise<{ host: string; port: number }>((resolve) =>
  createInterface({ input: brokerProcess.stdout! }).on('line', (line) => {
    if (line.includes('"listening"')) resolve(JSON.parse(line) as { host: string; port: number });
  }),
);
const kafka = new Kafka({ clientId: 'bench', brokers: [`${broker.host}:${broker.port}`], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'bench', numPartitions: PARTITIONS }, { topic: 'latency', numPartitions: 1 }] });
await admin.disconnect();

// --- produce: acks=-1 (fsync per request, group-committed), batches of 100 x 1 KiB ---
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();
const payload = Buffer.alloc(MESSAGE_BYTES, 'x');
const batch = Array.from({ length: BATCH }, () => ({ value: payload }));
let sent = 0;
let nextPartition = 0;
const produceStart = performance.now();
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (sent < PRODUCE_MESSAGES) {
      sent += BATCH;
      const partition = nextPartition++ % PARTITIONS;
      await producer.send({ topic: 'bench', acks: -1, messages: batch.map((m) => ({ ...m, partition })) });
    }
  }),
);
const produceSeconds = (performance.now() - produceStart) / 1000;
const produceRate = sent / produceSeconds;

// --- consume everything from the beginning ---
const consumer = kafka.consumer({ groupId: 'bench-consume', maxBytes: 50 * 1024 * 1024, maxBytesPerPartition: 10 * 1024 * 1024, maxWaitTimeInMs: 100 });
await consumer.connect();
await consumer.subscribe({ topic: 'bench', fromBeginning: true });
let consumed = 0;
let consumeStart = 0;
const consumedAll = new Promise<void>((resolve) => {
  void consumer.run({
    autoCommitInterval: 5000,
    eachBatch: async ({ batch: b }) => {
      if (consumeStart === 0) consumeStart = performance.now();
      consumed += b.messages.length;
      if (consumed >= sent) resolve();
    },
  });
});
await consumedAll;
const consumeSeconds = (performance.now() - consumeStart) / 1000;
const consumeRate = consumed / consumeSeconds;
await consumer.disconnect();

// --- produce-to-consume latency at a steady 1,000 msg/s ---
const tail = kafka.consumer({ groupId: 'bench-latency', maxWaitTimeInMs: 100 });
await tail.connect();
await tail.subscribe({ topic: 'latency', fromBeginning: true });
const latencies: number[] = [];
let joined = false;
tail.on(tail.events.GROUP_JOIN, () => void (joined = true));
await tail.run({
  eachMessage: async ({ message }) => {
    latencies.push(performance.now() - Number(message.value!.toString()));
  },
});
while (!joined) await new Promise((r) => setTimeout(r, 20));
await new Promise((r) => setTimeout(r, 500));
const total = LATENCY_RATE * LATENCY_SECONDS;
const t0 = performance.now();
for (let i = 0; i < total; i++) {
  const due = t0 + (i * 1000) / LATENCY_RATE;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  void producer.send({ topic: 'latency', acks: -1, messages: [{ value: String(performance.now()) }] });
}
while (latencies.length < total) await new Promise((r) => setTimeout(r, 20));
await tail.disconnect();
await producer.disconnect();
brokerProcess.kill('SIGTERM');
await new Promise((resolve) => brokerProcess.once('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  messageBytes: MESSAGE_BYTES,
  batchSize: BATCH,
  produce: { messages: sent, seconds: +produceSeconds.toFixed(3), msgPerSec: Math.round(produceRate), acks: -1, fsync: true, inFlight: IN_FLIGHT },
  consume: { messages: consumed, seconds: +consumeSeconds.toFixed(3), msgPerSec: Math.round(consumeRate) },
  latency: { ratePerSec: LATENCY_RATE, samples: latencies.length, p50Ms: +pct(50).toFixed(2), p99Ms: +pct(99).toFixed(2), maxMs: +latencies[latencies.length - 1]!.toFixed(2) },
  goals: { produceMsgPerSec: 50_000, consumeMsgPerSec: 100_000, p99LatencyMs: 10 },
};
const pass = (ok: boolean) => (ok ? 'ok' : 'MISSED');
console.table({
  'produce (acks=-1, 1 KiB, batch 100)': { result: `${results.produce.msgPerSec} msg/s`, goal: '>= 50000 msg/s', status: pass(produceRate >= 50_000) },
  'consume (from beginning)': { result: `${results.consume.msgPerSec} msg/s`, goal: '>= 100000 msg/s', status: pass(consumeRate >= 100_000) },
  'latency p50 @1000 msg/s': { result: `${results.latency.p50Ms} ms`, goal: '', status: '' },
  'latency p99 @1000 msg/s': { result: `${results.latency.p99Ms} ms`, goal: '< 10 ms', status: pass(pct(99) < 10) },
});
mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
writeFileSync(join(process.cwd(), 'bench', 'results', 'kafka-broker.json'), `${JSON.stringify(results, null, 2)}\n`);
