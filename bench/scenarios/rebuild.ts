// Rebuilding analytics' read models from the log: the bench tenant's real events (every type
// the services published while seeding) are copied under fresh tenant ids up to 1M events on a
// private broker; a fresh analytics process with an empty database then consumes them from
// offset 0. Its rows per second are set against a Postgres COPY of the same rows into tables
// of the same shape and indexes: the physical limit of writing them (goal: at least 0.3x).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import kafkajs from 'kafkajs';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { allTopics, ensureTopics } from '@rapport/messaging';
import { freePort } from '@rapport/test-kit';
import { tenantIdFor } from '../../packages/dev-stack/src/tenant-name.js';
import { fmt } from '../lib/load.js';
import { listeningPort, startProcess, TS_NODE, type Child } from '../lib/processes.js';
import { table, writeResult } from '../lib/report.js';
import { databaseUrl, PORTS, ROOT } from '../lib/stack.js';
import type { BenchContext } from './context.js';

const { AssignerProtocol, Kafka, logLevel } = kafkajs;
const DATABASE = 'bench_rebuild_analytics';
const BOOKKEEPING = /migration|inbox|outbox|typeorm|^processed|dead_letter/;

interface Captured {
  topic: string;
  key: string;
  value: string;
}

async function capture(brokers: string, topics: string[], log: (line: string) => void): Promise<Captured[]> {
  const kafka = new Kafka({ clientId: 'bench-capture', brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const wanted = topics.filter((topic) => existing.has(topic));
  let total = 0;
  for (const topic of wanted) for (const partition of await admin.fetchTopicOffsets(topic)) total += Number(partition.high) - Number(partition.low);
  await admin.disconnect();
  const captured: Captured[] = [];
  if (total === 0) return captured;
  const consumer = kafka.consumer({ groupId: `bench-capture-${randomUUID()}`, maxWaitTimeInMs: 100, maxBytes: 50 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topics: wanted, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`captured ${captured.length} of ${total} events in 180 s`)), 180_000);
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) captured.push({ topic: batch.topic, key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
        if (captured.length >= total) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  log(`  captured ${captured.length} events from ${wanted.length} topics of the bench broker`);
  return captured;
}

export async function rebuild(context: BenchContext): Promise<void> {
  const target = Number(process.env['BENCH_REBUILD_EVENTS'] ?? 1_000_000);
  const capSeconds = Number(process.env['BENCH_REBUILD_SECONDS'] ?? 180);
  context.log(`rebuild: analytics read models from ${target} events vs COPY of the same rows (at most ${capSeconds} s of consuming)`);
  const topics = allTopics().map((topic) => topic.name).filter((name) => !name.endsWith('.dlq'));
  const captured = await capture(`127.0.0.1:${PORTS.kafka}`, topics, context.log);
  if (captured.length === 0) throw new Error('the bench broker holds no events: seed the bench tenant first');

  const brokerDir = mkdtempSync(join(tmpdir(), 'bench-rebuild-kafka-'));
  const children: Child[] = [];
  const admin = new pg.Client(databaseUrl('postgres'));
  await admin.connect();
  try {
    const broker = startProcess([join(ROOT, 'packages/kafka-broker/bin/rapport-kafka.mjs'), '--port', '0', '--data-dir', brokerDir, '--log-level', 'warn']);
    children.push(broker);
    const brokers = `127.0.0.1:${await listeningPort(broker)}`;
    const kafka = new Kafka({ clientId: 'bench-rebuild', brokers: [brokers], logLevel: logLevel.NOTHING });
    await ensureTopics(kafka);

    // Copies of the captured history, each under a tenant of its own, fresh event ids.
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const producing = performance.now();
    let produced = 0;
    for (let copy = 0; produced < target; copy += 1) {
      const tenantId = tenantIdFor(`rebuild-${copy}`);
      for (let offset = 0; offset < captured.length && produced < target; offset += 2_000) {
        const chunk = captured.slice(offset, Math.min(offset + 2_000, offset + target - produced));
        const byTopic = new Map<string, { key: string; value: string }[]>();
        for (const event of chunk) {
          const envelope = JSON.parse(event.value) as { id: string; tenantId: string };
          envelope.id = randomUUID();
          envelope.tenantId = tenantId;
          const list = byTopic.get(event.topic) ?? [];
          list.push({ key: event.key, value: JSON.stringify(envelope) });
          byTopic.set(event.topic, list);
        }
        await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
        produced += chunk.length;
      }
    }
    await producer.disconnect();
    context.log(`  produced ${produced} events in ${((performance.now() - producing) / 1000).toFixed(1)} s`);

    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    const high = new Map<string, number>();
    for (const topic of topics) for (const p of await kafkaAdmin.fetchTopicOffsets(topic)) high.set(`${topic}/${p.partition}`, Number(p.high));
    const started = performance.now();
    const analytics = startProcess([...TS_NODE, 'src/index.ts'], {
      cwd: join(ROOT, 'services/analytics'),
      env: { PORT: String(await freePort()), DATABASE_URL: databaseUrl(DATABASE), JWT_SECRET: context.stack.secret, KAFKA_BROKERS: brokers, LOG_LEVEL: 'warn', RAPPORT_CREATE_DATABASE: 'true', KAFKAJS_NO_PARTITIONER_WARNING: '1' },
    });
    children.push(analytics);
    // Done when the group's committed offsets reach the end of every partition assigned to it
    // (the topics it reads come from its members' assignments, not from a list kept here).
    let consumed = 0;
    let caughtUp = false;
    let firstProgressAt = Number.NaN;
    const assignedTopics = async (): Promise<string[]> => {
      const { groups } = await kafkaAdmin.describeGroups(['analytics']);
      const assigned = new Set<string>();
      for (const member of groups[0]?.members ?? []) {
        const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        for (const topic of Object.keys(decoded?.assignment ?? {})) assigned.add(topic);
      }
      return [...assigned];
    };
    while (!caughtUp && performance.now() - started < capSeconds * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const reading = await assignedTopics().catch(() => [] as string[]);
      if (reading.length === 0) continue;
      const committed = await kafkaAdmin.fetchOffsets({ groupId: 'analytics', topics: reading });
      let lag = 0;
      consumed = 0;
      for (const { topic, partitions } of committed) {
        for (const p of partitions) {
          const end = high.get(`${topic}/${p.partition}`) ?? 0;
          const at = Math.max(0, Number(p.offset));
          consumed += at;
          lag += Math.max(0, end - at);
        }
      }
      if (consumed > 0 && Number.isNaN(firstProgressAt)) firstProgressAt = performance.now();
      caughtUp = lag === 0 && consumed > 0;
    }
    // Churn scores of customers queued while catching up are read models too: done when none is left.
    const caughtUpAt = performance.now();
    if (caughtUp) {
      const backlog = new pg.Client(databaseUrl(DATABASE));
      await backlog.connect();
      const queued = async () => Number((await backlog.query<{ n: string }>(`SELECT count(*)::text AS n FROM churn_rescore_backlog`)).rows[0]!.n);
      while ((await queued()) > 0 && performance.now() - started < capSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, 250));
      caughtUp = (await queued()) === 0;
      await backlog.end();
    }
    const seconds = (performance.now() - started) / 1000;
    const backlogSeconds = (performance.now() - caughtUpAt) / 1000;
    await analytics.stop();
    await kafkaAdmin.disconnect();

    // The rows the read models hold now, and COPY of the same rows into same-shaped tables.
    const database = new pg.Client(databaseUrl(DATABASE));
    const reader = new pg.Client(databaseUrl(DATABASE));
    await Promise.all([database.connect(), reader.connect()]);
    const tables = (await database.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((row) => row.name).filter((name) => !BOOKKEEPING.test(name));
    const rowCounts: Record<string, number> = {};
    for (const name of tables) rowCounts[name] = Number((await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${name}"`)).rows[0]!.n);
    const rows = Object.values(rowCounts).reduce((a, b) => a + b, 0);
    let copySeconds = 0;
    for (const name of tables) {
      if (rowCounts[name] === 0) continue;
      await database.query(`CREATE TABLE "copy_${name}" (LIKE "${name}" INCLUDING ALL)`);
      const t0 = performance.now();
      await pipeline(reader.query(copyTo(`COPY "${name}" TO STDOUT`)), database.query(copyFrom(`COPY "copy_${name}" FROM STDIN`)));
      copySeconds += (performance.now() - t0) / 1000;
    }
    await Promise.all([database.end(), reader.end()]);

    const rebuildRate = rows / seconds;
    const copyRate = rows / copySeconds;
    const ratio = rebuildRate / copyRate;
    context.tables.push(
      table(
        `rebuild of analytics read models from ${produced} events (fresh database and consumer group; cap ${capSeconds} s)`,
        ['events consumed', 'caught up', 'seconds', 'events/s', 'read-model rows', 'rows/s', 'COPY rows/s', 'ratio'],
        [[String(consumed), caughtUp ? 'yes' : 'no (cap)', fmt(seconds, 1), fmt(consumed / seconds, 0), String(rows), fmt(rebuildRate, 0), fmt(copyRate, 0), fmt(ratio, 3)]],
      ),
    );
    context.log(`  goal rebuild at least 0.3x COPY: ${fmt(ratio, 3)}x -> ${ratio >= 0.3 ? 'holds' : 'does not hold'}${caughtUp ? '' : ' (stopped at the time cap, before catching up)'}`);
    if (caughtUp) context.log(`  caught up with the log, then ${fmt(backlogSeconds, 1)} s scoring the customers queued meanwhile`);
    writeResult('rebuild', { target, produced, consumed, caughtUp, seconds, backlogSeconds, startToFirstProgressSeconds: (firstProgressAt - started) / 1000, rows, rowCounts, copySeconds, rebuildRowsPerSecond: rebuildRate, copyRowsPerSecond: copyRate, ratio });
  } finally {
    for (const child of children.reverse()) await child.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(() => {});
    await admin.end();
    rmSync(brokerDir, { recursive: true, force: true });
  }
}
