import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import kafkajs from 'kafkajs';
import { consumerDefaults, startTestBroker, waitFor, type TestBroker } from './support/broker.js';

const { CompressionTypes } = kafkajs;

let broker: TestBroker;
before(async () => {
  broker = await startTestBroker({ defaultPartitions: 1 });
});
after(() => broker.cleanup());

type Received = { partition: number; offset: string; key: string | null; value: string | null; headers: Record<string, string>; timestamp: string };

async function consumeAll(groupId: string, topic: string, expected: number, opts: { fromBeginning?: boolean; batch?: boolean; maxBytesPerPartition?: number } = {}) {
  const consumer = broker.kafka(`c-${groupId}`).consumer({ groupId, ...consumerDefaults, ...(opts.maxBytesPerPartition ? { maxBytesPerPartition: opts.maxBytesPerPartition } : {}) });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: opts.fromBeginning ?? true });
  const got: Received[] = [];
  const toReceived = (partition: number, m: kafkajs.KafkaMessage): Received => ({
    partition,
    offset: m.offset,
    key: m.key?.toString() ?? null,
    value: m.value?.toString() ?? null,
    headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)])),
    timestamp: m.timestamp,
  });
  if (opts.batch) {
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }) => {
        for (const m of batch.messages) {
          got.push(toReceived(batch.partition, m));
          resolveOffset(m.offset);
        }
        await heartbeat();
        await commitOffsetsIfNecessary();
      },
    });
  } else {
    await consumer.run({ eachMessage: async ({ partition, message }) => void got.push(toReceived(partition, message)) });
  }
  await waitFor(() => got.length >= expected, `${expected} messages on ${topic}`);
  return { consumer, got };
}

describe('kafkajs producer and consumer', () => {
  test('admin creates topics once, lists them and reports this node as leader and controller', async () => {
    const admin = broker.kafka().admin();
    await admin.connect();
    assert.equal(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] }), true);
    assert.equal(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] }), false);
    assert.ok((await admin.listTopics()).includes('orders'));
    const md = await admin.fetchTopicMetadata({ topics: ['orders'] });
    assert.deepEqual(md.topics[0]!.partitions.map((p) => p.leader).sort(), [1, 1, 1]);
    const cluster = await admin.describeCluster();
    assert.equal(cluster.controller, 1);
    await admin.disconnect();
  });

  test('delivers keys, headers, timestamps and null values in per-partition order with acks 0, 1, -1 and gzip', async () => {
    const producer = broker.kafka('producer').producer();
    await producer.connect();
    const sent: { key: string; value: string | null; headers: Record<string, string>; timestamp: string }[] = [];
    const batch = (from: number) =>
      Array.from({ length: 75 }, (_, i) => {
        const n = from + i;
        const m = { key: `key-${n % 7}`, value: n % 25 === 0 ? null : `value-${n}`, headers: { seq: String(n) }, timestamp: String(1_700_000_000_000 + n) };
        sent.push(m);
        return m;
      });
    const results = [];
    results.push(...(await producer.send({ topic: 'orders', acks: -1, messages: batch(0) })));
    results.push(...(await producer.send({ topic: 'orders', acks: 1, messages: batch(75) })));
    results.push(...(await producer.send({ topic: 'orders', acks: -1, compression: CompressionTypes.GZIP, messages: batch(150) })));
    await producer.send({ topic: 'orders', acks: 0, messages: batch(225) });
    assert.ok(results.every((r) => r.errorCode === 0));
    const { consumer, got } = await consumeAll('orders-reader', 'orders', 300);
    assert.equal(got.length, 300);
    for (const p of [0, 1, 2]) {
      const offsets = got.filter((g) => g.partition === p).map((g) => Number(g.offset));
      assert.deepEqual(offsets, offsets.map((_, i) => i), `partition ${p} offsets contiguous from 0`);
    }
    const bySeq = new Map(got.map((g) => [g.headers.seq, g]));
    for (const m of sent) {
      const g = bySeq.get(m.headers.seq!);
      assert.ok(g, `message ${m.headers.seq} delivered`);
      assert.equal(g.key, m.key);
      assert.equal(g.value, m.value);
      assert.equal(g.timestamp, m.timestamp);
    }
    await consumer.disconnect();
    await producer.disconnect();
  });

  test('a restarted group member resumes from committed offsets and a new group can start at the end', async () => {
    const producer = broker.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'resume', messages: Array.from({ length: 10 }, (_, i) => ({ value: `r${i}` })) });
    const first = await consumeAll('resume-group', 'resume', 10);
    await first.consumer.disconnect();
    await producer.send({ topic: 'resume', messages: [{ value: 'after-restart' }] });
    const second = await consumeAll('resume-group', 'resume', 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(second.got.map((g) => g.value), ['after-restart']);
    await second.consumer.disconnect();

    const latecomer = broker.kafka().consumer({ groupId: 'resume-late', ...consumerDefaults });
    await latecomer.connect();
    await latecomer.subscribe({ topic: 'resume', fromBeginning: false });
    const late: string[] = [];
    let joined = false;
    latecomer.on(latecomer.events.GROUP_JOIN, () => void (joined = true));
    await latecomer.run({ eachMessage: async ({ message }) => void late.push(message.value!.toString()) });
    await waitFor(() => joined, 'latecomer to join');
    await waitFor(async () => {
      const offs = await broker.kafka().admin();
      void offs;
      return true;
    }, 'noop');
    await new Promise((r) => setTimeout(r, 500));
    await producer.send({ topic: 'resume', messages: [{ value: 'fresh' }] });
    await waitFor(() => late.includes('fresh'), 'fresh message for new group');
    assert.deepEqual(late, ['fresh']);
    await latecomer.disconnect();
    await producer.disconnect();
  });

  test('eachBatch consumers with manual resolve and commit see every message once', async () => {
    const producer = broker.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'batched', messages: Array.from({ length: 200 }, (_, i) => ({ key: String(i), value: `b${i}` })) });
    const { consumer, got } = await consumeAll('batch-group', 'batched', 200, { batch: true });
    assert.deepEqual(got.map((g) => g.value), Array.from({ length: 200 }, (_, i) => `b${i}`));
    await consumer.disconnect();
    const admin = broker.kafka().admin();
    await admin.connect();
    const offsets = await admin.fetchOffsets({ groupId: 'batch-group', topics: ['batched'] });
    assert.equal(offsets[0]!.partitions[0]!.offset, '200');
    await admin.disconnect();
    await producer.disconnect();
  });

  test('an idempotent producer writes every message exactly once', async () => {
    const producer = broker.kafka('idem').producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 10; i++) {
      await producer.send({ topic: 'idem', acks: -1, messages: Array.from({ length: 100 }, (_, j) => ({ value: `${i * 100 + j}` })) });
    }
    const admin = broker.kafka().admin();
    await admin.connect();
    const [off] = await admin.fetchTopicOffsets('idem');
    assert.equal(off!.high, '1000');
    await admin.disconnect();
    const { consumer, got } = await consumeAll('idem-reader', 'idem', 1000);
    assert.deepEqual(got.map((g) => g.value), Array.from({ length: 1000 }, (_, i) => String(i)));
    await consumer.disconnect();
    await producer.disconnect();
  });

  test('a 2 MiB message is consumed although it exceeds maxBytesPerPartition', async () => {
    const producer = broker.kafka().producer();
    await producer.connect();
    const big = 'z'.repeat(2 * 1024 * 1024);
    await producer.send({ topic: 'large', messages: [{ value: big }, { value: '' }, { key: 'tomb', value: null }] });
    const { consumer, got } = await consumeAll('large-reader', 'large', 3, { maxBytesPerPartition: 1024 * 1024 });
    assert.equal(got[0]!.value!.length, big.length);
    assert.equal(got[1]!.value, '');
    assert.equal(got[2]!.value, null);
    await consumer.disconnect();
    await producer.disconnect();
  });
});

describe('kafkajs admin', () => {
  test('fetches topic and group offsets, resets and sets offsets on an idle group, refuses on an active one', async () => {
    const admin = broker.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'admin-t', numPartitions: 2 }] });
    const producer = broker.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'admin-t', messages: Array.from({ length: 20 }, (_, i) => ({ key: String(i), value: `a${i}` })) });
    const topicOffsets = await admin.fetchTopicOffsets('admin-t');
    assert.equal(topicOffsets.reduce((n, p) => n + Number(p.high), 0), 20);
    assert.ok(topicOffsets.every((p) => p.low === '0'));
    const byTs = await admin.fetchTopicOffsetsByTimestamp('admin-t', 0);
    assert.ok(byTs.every((p) => p.offset === '0'));

    const first = await consumeAll('admin-g', 'admin-t', 20);
    await first.consumer.disconnect();
    const withTopics = await admin.fetchOffsets({ groupId: 'admin-g', topics: ['admin-t'] });
    assert.equal(withTopics[0]!.partitions.reduce((n, p) => n + Number(p.offset), 0), 20);
    const all = await admin.fetchOffsets({ groupId: 'admin-g' });
    assert.deepEqual(all.map((t) => t.topic), ['admin-t']);

    await admin.resetOffsets({ groupId: 'admin-g', topic: 'admin-t', earliest: true });
    const again = await consumeAll('admin-g', 'admin-t', 20);
    assert.equal(again.got.length, 20);
    await assert.rejects(admin.resetOffsets({ groupId: 'admin-g', topic: 'admin-t', earliest: true }), /running/);
    await again.consumer.disconnect();
    await admin.setOffsets({ groupId: 'admin-g', topic: 'admin-t', partitions: [{ partition: 0, offset: '1' }, { partition: 1, offset: '1' }] });
    const set = await admin.fetchOffsets({ groupId: 'admin-g', topics: ['admin-t'] });
    assert.deepEqual(set[0]!.partitions.map((p) => p.offset), ['1', '1']);

    const groups = await admin.listGroups();
    assert.ok(groups.groups.some((g) => g.groupId === 'admin-g'));
    const described = await admin.describeGroups(['admin-g', 'never-existed']);
    assert.deepEqual(described.groups.map((g) => g.state), ['Empty', 'Dead']);
    await producer.disconnect();
    await admin.disconnect();
  });

  test('deletes topics, records and groups and manages partitions and configs', async () => {
    const admin = broker.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'doomed', numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '1000' }] }] });
    const producer = broker.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'doomed', messages: [{ value: '1' }, { value: '2' }, { value: '3' }] });
    await admin.fetchTopicMetadata({ topics: ['doomed'] });
    await admin.deleteTopicRecords({ topic: 'doomed', partitions: [{ partition: 0, offset: '2' }] });
    assert.equal((await admin.fetchTopicOffsets('doomed'))[0]!.low, '2');

    const cfg = await admin.describeConfigs({ resources: [{ type: 2, name: 'doomed' }], includeSynonyms: false });
    const entries = Object.fromEntries(cfg.resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
    assert.equal(entries['retention.ms'], '1000');
    assert.equal(entries['cleanup.policy'], 'delete');
    await admin.alterConfigs({ resources: [{ type: 2, name: 'doomed', configEntries: [{ name: 'retention.ms', value: '5000' }] }], validateOnly: false });
    const cfg2 = await admin.describeConfigs({ resources: [{ type: 2, name: 'doomed', configNames: ['retention.ms'] }], includeSynonyms: false });
    assert.equal(cfg2.resources[0]!.configEntries[0]!.configValue, '5000');

    await admin.createPartitions({ topicPartitions: [{ topic: 'doomed', count: 3 }] });
    assert.equal((await admin.fetchTopicMetadata({ topics: ['doomed'] })).topics[0]!.partitions.length, 3);

    const c = await consumeAll('doomed-g', 'doomed', 1);
    await c.consumer.disconnect();
    await admin.deleteGroups(['doomed-g']);
    assert.equal((await admin.describeGroups(['doomed-g'])).groups[0]!.state, 'Dead');

    await admin.deleteTopics({ topics: ['doomed'] });
    assert.ok(!(await admin.listTopics()).includes('doomed'));
    await producer.disconnect();
    await admin.disconnect();
  });
});

describe('topic auto-creation', () => {
  test('producing to or subscribing to a missing topic creates it when enabled', async () => {
    const producer = broker.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'auto-made', messages: [{ value: 'x' }] });
    const consumer = broker.kafka().consumer({ groupId: 'auto-sub', ...consumerDefaults });
    await consumer.connect();
    await consumer.subscribe({ topic: 'auto-sub-topic' });
    const admin = broker.kafka().admin();
    await admin.connect();
    const topics = await admin.listTopics();
    assert.ok(topics.includes('auto-made') && topics.includes('auto-sub-topic'));
    await admin.disconnect();
    await consumer.disconnect();
    await producer.disconnect();
  });

  test('with auto-creation off, producing to a missing topic fails but createTopics works', async () => {
    const strict = await startTestBroker({ autoCreateTopics: false });
    try {
      const kafka = strict.kafka();
      const producer = kafka.producer({ retry: { retries: 1, initialRetryTime: 50, maxRetryTime: 100 } });
      await producer.connect();
      await assert.rejects(producer.send({ topic: 'nope', messages: [{ value: 'x' }] }));
      const admin = kafka.admin();
      await admin.connect();
      assert.equal(await admin.createTopics({ topics: [{ topic: 'explicit' }] }), true);
      await producer.send({ topic: 'explicit', messages: [{ value: 'ok' }] });
      assert.ok(!(await admin.listTopics()).includes('nope'));
      await admin.disconnect();
      await producer.disconnect();
    } finally {
      await strict.cleanup();
    }
  });
});
