// Spec §10.2 item 1: kafkajs picks min(its newest, our advertised max) per API, so the versions it
// actually sends prove the ApiVersions table and that every one of them round-trips in real use.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import kafkajs from 'kafkajs';
import { consumerDefaults, startTestBroker, waitFor, type TestBroker } from './support/broker.js';

const { Kafka, logLevel } = kafkajs;

/** kafkajs logs every request at DEBUG as `Request <Api>(key: k, version: v)` (src/network/connection.js). */
const REQUEST_LINE = /^Request (\w+)\(key: (\d+), version: (\d+)\)$/;

const EXPECTED: Record<number, { name: string; version: number }> = {
  18: { name: 'ApiVersions', version: 2 },
  3: { name: 'Metadata', version: 6 },
  0: { name: 'Produce', version: 7 },
  1: { name: 'Fetch', version: 11 },
  11: { name: 'JoinGroup', version: 5 },
  14: { name: 'SyncGroup', version: 3 },
  12: { name: 'Heartbeat', version: 3 },
  8: { name: 'OffsetCommit', version: 5 },
  9: { name: 'OffsetFetch', version: 4 },
  2: { name: 'ListOffsets', version: 3 },
  // kafkajs still calls FindCoordinator by its old name.
  10: { name: 'GroupCoordinator', version: 2 },
  13: { name: 'LeaveGroup', version: 3 },
};

let broker: TestBroker;
before(async () => {
  broker = await startTestBroker({ defaultPartitions: 2 });
});
after(() => broker.cleanup());

test('kafkajs 2.2.4 producer, consumer group and admin use the newest version each side supports for every API they send', async () => {
  const seen = new Map<number, Set<string>>();
  const unparsed: string[] = [];
  const kafka = new Kafka({
    clientId: 'versions',
    brokers: [broker.address],
    logLevel: logLevel.DEBUG,
    logCreator: () => ({ log }) => {
      const message = String(log.message);
      if (!message.startsWith('Request ')) return;
      const m = REQUEST_LINE.exec(message);
      if (!m) return void unparsed.push(message);
      const key = Number(m[2]);
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(`${m[1]} v${m[3]}`);
    },
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1000 },
    connectionTimeout: 3000,
    requestTimeout: 10000,
  });

  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'versions', numPartitions: 2 }] });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'versions', acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });

  const consumer = kafka.consumer({ groupId: 'versions-group', ...consumerDefaults });
  await consumer.connect();
  await consumer.subscribe({ topic: 'versions', fromBeginning: true });
  let received = 0;
  await consumer.run({ eachMessage: async () => void received++ });
  await waitFor(() => received >= 10, '10 messages');
  // Heartbeats are only sent from the fetch loop once heartbeatInterval has passed.
  await waitFor(() => seen.has(12) && seen.has(8), 'a Heartbeat and an OffsetCommit');
  await consumer.disconnect();

  // ListOffsets: the consumer resolves its start offsets with it, admin reads the high watermarks.
  const topicOffsets = await admin.fetchTopicOffsets('versions');
  assert.equal(topicOffsets.reduce((n, p) => n + Number(p.high), 0), 10);
  const fetched = await admin.fetchOffsets({ groupId: 'versions-group', topics: ['versions'] });
  assert.equal(fetched[0]!.partitions.reduce((n, p) => n + Number(p.offset), 0), 10);
  await producer.disconnect();
  await admin.disconnect();

  assert.deepEqual(unparsed, [], 'every request line has the documented format');
  for (const [key, { name, version }] of Object.entries(EXPECTED)) {
    assert.deepEqual([...(seen.get(Number(key)) ?? [])], [`${name} v${version}`], `api key ${key} (${name})`);
  }
});
