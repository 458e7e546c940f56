import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { consumerDefaults, kafkaClient, startTestBroker, tempDir, waitFor } from './support/broker.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function spawnBroker(dataDir: string): Promise<{ child: ChildProcess; address: string }> {
  const bin = fileURLToPath(new URL('../bin/rapport-kafka.mjs', import.meta.url));
  const child = spawn(process.execPath, [bin, '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`broker exited early with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.includes('"listening"')) return;
      const { host, port } = JSON.parse(line) as { host: string; port: number };
      resolve({ child, address: `${host}:${port}` });
    });
  });
}

test('serves every acknowledged message after a SIGKILL, in order, exactly once per offset', async () => {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const first = await spawnBroker(dataDir);
  const kafka = kafkaClient(first.address, 'crash-producer');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'journal', numPartitions: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer({ retry: { retries: 0 } });
  await producer.connect();

  const acknowledged: string[] = [];
  let stopProducing = false;
  const stream = (async () => {
    for (let i = 0; !stopProducing; i++) {
      const values = Array.from({ length: 20 }, (_, j) => `m-${i}-${j}`);
      try {
        await producer.send({ topic: 'journal', acks: -1, messages: values.map((value) => ({ value })) });
      } catch {
        return;
      }
      acknowledged.push(...values);
    }
  })();
  await waitFor(() => acknowledged.length >= 2000, 'the produce stream to get going');
  const exited = new Promise((r) => first.child.once('exit', r));
  first.child.kill('SIGKILL');
  stopProducing = true;
  await stream;
  await producer.disconnect().catch(() => {});
  await exited;

  const second = await spawnBroker(dataDir);
  try {
    const consumer = kafkaClient(second.address, 'crash-reader').consumer({ groupId: 'after-crash', ...consumerDefaults });
    await consumer.connect();
    await consumer.subscribe({ topic: 'journal', fromBeginning: true });
    const seen: { offset: number; value: string }[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push({ offset: Number(message.offset), value: message.value!.toString() }) });
    await waitFor(() => seen.length >= acknowledged.length, `${acknowledged.length} acknowledged messages after restart`);
    await consumer.disconnect();
    assert.deepEqual(seen.map((s) => s.offset), seen.map((_, i) => i), 'offsets are contiguous and each delivered once');
    assert.deepEqual(seen.slice(0, acknowledged.length).map((s) => s.value), acknowledged, 'every acknowledged message survives, in order');
  } finally {
    second.child.kill('SIGKILL');
  }
});

test('topics, records and committed offsets survive a restart on the same directory', async () => {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const first = await startTestBroker({ dataDir });
  const kafka = first.kafka();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'kept', numPartitions: 2, configEntries: [{ name: 'retention.bytes', value: '1000000' }] }] });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'kept', messages: Array.from({ length: 10 }, (_, i) => ({ key: String(i), value: `v${i}` })) });
  await admin.setOffsets({ groupId: 'kept-group', topic: 'kept', partitions: [{ partition: 0, offset: '1' }, { partition: 1, offset: '2' }] });
  await producer.disconnect();
  await admin.disconnect();
  await first.stop();

  const second = await startTestBroker({ dataDir });
  try {
    const admin2 = second.kafka().admin();
    await admin2.connect();
    const md = await admin2.fetchTopicMetadata({ topics: ['kept'] });
    assert.equal(md.topics[0]!.partitions.length, 2);
    const offsets = await admin2.fetchTopicOffsets('kept');
    assert.equal(offsets.reduce((n, p) => n + Number(p.high), 0), 10);
    const committed = await admin2.fetchOffsets({ groupId: 'kept-group', topics: ['kept'] });
    assert.deepEqual(committed[0]!.partitions.map((p) => [p.partition, p.offset]).sort(), [[0, '1'], [1, '2']]);
    const cfg = await admin2.describeConfigs({ resources: [{ type: 2, name: 'kept', configNames: ['retention.bytes'] }], includeSynonyms: false });
    assert.equal(cfg.resources[0]!.configEntries[0]!.configValue, '1000000');
    await admin2.disconnect();
  } finally {
    await second.stop();
  }
});
