import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CustomerCreatedV1, CustomerUpdatedV1, deadLetterTopic, TOPICS } from '@rapport/events';
import type { Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createEventConsumer, createOutboxRelay, on, type OutboxRelay } from '../src/index.js';
import { databaseUrl, kafkaFor, logger, openDatabase, startOwnBroker, waitFor, writeCustomerEvents, type BrokerHandle } from './harness.js';

let dataSource: DataSource;
let broker: BrokerHandle;
let kafka: Kafka;
let relay: OutboxRelay;

before(async () => {
  dataSource = await openDatabase();
  broker = await startOwnBroker();
  kafka = await kafkaFor(broker, 'consumer-test');
  relay = createOutboxRelay({ dataSource, databaseUrl, kafka, logger });
  await relay.start();
});
after(async () => {
  await relay.stop();
  await dataSource.destroy();
  await broker.dispose();
});

const countApplied = async (tenantId: string, consumer: string) => {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct_events FROM applied_events WHERE tenant_id = $1 AND consumer = $2`,
    [tenantId, consumer],
  );
  return row as { total: number; distinct_events: number };
};

async function readDeadLetters(tenantId: string, expected: number): Promise<KafkaMessage[]> {
  const found: KafkaMessage[] = [];
  const reader = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topic: deadLetterTopic(TOPICS.customers), fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      if (message.value?.toString().includes(tenantId)) found.push(message);
    },
  });
  try {
    await waitFor(`${expected} dead letters`, async () => found.length >= expected || undefined);
  } finally {
    await reader.disconnect();
  }
  return found;
}

describe('idempotent consumer', () => {
  it('dead-letters a malformed event and one whose handler keeps failing, with the reason, and goes on', async () => {
    const tenantId = randomUUID();
    const groupId = `dlq-${tenantId}`;
    const consumer = createEventConsumer({
      kafka,
      dataSource,
      logger,
      groupId,
      maxAttempts: 3,
      retryBaseMs: 10,
      maxWaitTimeInMs: 100,
      handlers: [
        on(CustomerCreatedV1, async (event, scope) => {
          if (event.tenantId !== tenantId) return;
          if (event.payload.name === 'poison') throw new Error('this customer cannot be applied');
          // In the transaction: a chunk rolled back because of the poison leaves no trace.
          await scope.manager.query(
            `INSERT INTO applied_events (event_id, tenant_id, customer_id, name, consumer) VALUES ($1, $2, $3, $4, $5)`,
            [event.id, event.tenantId, event.customerId, event.payload.name, groupId],
          );
        }),
      ],
    });
    const customerId = randomUUID();
    await writeCustomerEvents(dataSource, tenantId, customerId, ['before']);
    // A malformed message straight onto the topic, as a buggy producer would send it.
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.customers,
      messages: [{ key: customerId, value: JSON.stringify({ type: 'CustomerCreated', version: 1, tenantId, note: 'no envelope' }) }],
    });
    await producer.disconnect();
    await writeCustomerEvents(dataSource, tenantId, customerId, ['poison', 'after']);
    await consumer.start();
    try {
      const names = async () =>
        ((await dataSource.query(`SELECT name FROM applied_events WHERE tenant_id = $1 ORDER BY seq`, [tenantId])) as { name: string }[]).map(
          (row) => row.name,
        );
      await waitFor('events after the poison applied', async () => (await names()).includes('after') || undefined);
      assert.deepEqual(await names(), ['before', 'after']);
      const letters = await readDeadLetters(tenantId, 2);
      const reasons = letters.map((letter) => letter.headers?.['dlq-reason']?.toString() ?? '');
      assert.ok(reasons.some((reason) => reason.startsWith('malformed: envelope')), reasons.join(' | '));
      assert.ok(reasons.some((reason) => reason.includes('this customer cannot be applied')), reasons.join(' | '));
      assert.ok(letters.every((letter) => letter.headers?.['dlq-original-topic']?.toString() === TOPICS.customers));
      assert.ok(consumer.stats().deadLettered >= 2);
    } finally {
      await consumer.stop();
    }
  });

  it('skips and counts an unknown event type and a newer version instead of crashing', async () => {
    const tenantId = randomUUID();
    const customerId = randomUUID();
    const applied: string[] = [];
    const consumer = createEventConsumer({
      kafka,
      dataSource,
      logger,
      groupId: `unknown-${tenantId}`,
      maxWaitTimeInMs: 100,
      handlers: [
        on(CustomerCreatedV1, async (event) => {
          if (event.tenantId === tenantId) applied.push(event.payload.name);
        }),
      ],
    });
    const envelope = (type: string, version: number) =>
      JSON.stringify({ id: randomUUID(), type, version, tenantId, customerId, occurredAt: new Date().toISOString(), producer: 'future', payload: {} });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.customers,
      messages: [
        { key: customerId, value: envelope('CustomerTeleported', 1) },
        { key: customerId, value: envelope('CustomerCreated', 2) },
      ],
    });
    await producer.disconnect();
    await writeCustomerEvents(dataSource, tenantId, customerId, ['known']);
    await consumer.start();
    try {
      await waitFor('the known event applied', async () => applied.includes('known') || undefined);
      const stats = consumer.stats();
      assert.ok(stats.skippedUnknownType >= 1, JSON.stringify(stats));
      assert.ok(stats.skippedUnknownVersion >= 1, JSON.stringify(stats));
    } finally {
      await consumer.stop();
    }
  });

  it('leaves a malformed event of a type it does not handle to the group that handles it: ignored, not dead-lettered', async () => {
    const tenantId = randomUUID();
    const customerId = randomUUID();
    const applied: string[] = [];
    const consumer = createEventConsumer({
      kafka,
      dataSource,
      logger,
      groupId: `updates-only-${tenantId}`,
      maxAttempts: 1,
      maxWaitTimeInMs: 100,
      handlers: [
        on(CustomerUpdatedV1, async (event) => {
          if (event.tenantId === tenantId) applied.push(event.id);
        }),
      ],
    });
    const envelope = (type: string, payload: unknown) =>
      JSON.stringify({ id: randomUUID(), type, version: 1, tenantId, customerId, occurredAt: new Date().toISOString(), producer: 'test', payload });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.customers,
      messages: [
        // CustomerCreated without any of its fields: malformed, but not this group's type.
        { key: customerId, value: envelope('CustomerCreated', {}) },
        { key: customerId, value: envelope('CustomerUpdated', { changedFields: ['name'], name: 'Renamed', updatedAt: new Date().toISOString() }) },
      ],
    });
    await producer.disconnect();
    await consumer.start();
    try {
      await waitFor('the update applied', async () => applied.length >= 1 || undefined);
      const stats = consumer.stats();
      assert.equal(stats.deadLettered, 0, JSON.stringify(stats));
      assert.ok(stats.ignored >= 1, JSON.stringify(stats));
    } finally {
      await consumer.stop();
    }
  });

  it('runs afterApply in the chunk transaction after the handlers, with the applied events only', async () => {
    const tenantId = randomUUID();
    const customerId = randomUUID();
    const groupId = `after-${tenantId}`;
    const seen: string[][] = [];
    const consumer = createEventConsumer({
      kafka,
      dataSource,
      logger,
      groupId,
      maxWaitTimeInMs: 100,
      handlers: [
        on(CustomerCreatedV1, async (event, scope) => {
          if (event.tenantId !== tenantId) return;
          await scope.manager.query(
            `INSERT INTO applied_events (event_id, tenant_id, customer_id, name, consumer) VALUES ($1, $2, $3, $4, $5)`,
            [event.id, event.tenantId, event.customerId, event.payload.name, groupId],
          );
        }),
      ],
      afterApply: async (events, manager) => {
        const mine = events.filter((event) => event.tenantId === tenantId);
        if (mine.length === 0) return;
        // The handlers' rows of this chunk are visible: it is the same transaction.
        const [row] = await manager.query(`SELECT count(*)::int AS applied FROM applied_events WHERE tenant_id = $1 AND consumer = $2`, [tenantId, groupId]);
        seen.push(mine.map((event) => `${(event.payload as { name: string }).name}:${row.applied}`));
      },
    });
    await writeCustomerEvents(dataSource, tenantId, customerId, ['one', 'two']);
    // The same event id again, as a relay retry would send it: applied and reported once.
    const [first] = (await dataSource.query(`SELECT envelope FROM outbox WHERE tenant_id = $1 ORDER BY seq LIMIT 1`, [tenantId])) as { envelope: string }[];
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: TOPICS.customers, messages: [{ key: customerId, value: first!.envelope }] });
    await producer.disconnect();
    await consumer.start();
    try {
      await waitFor('both events reported', async () => seen.flat().length >= 2 || undefined);
      const reported = seen.flat().map((entry) => entry.split(':')[0]);
      assert.deepEqual(reported.sort(), ['one', 'two']);
      assert.ok(seen.flat().every((entry) => Number(entry.split(':')[1]) >= 1));
      assert.equal((await countApplied(tenantId, groupId)).total, 2);
    } finally {
      await consumer.stop();
    }
  });

  it('tells afterApply how many messages of its partition followed each chunk', async () => {
    const tenantId = randomUUID();
    const customerId = randomUUID();
    const groupId = `behind-${tenantId}`;
    const names = Array.from({ length: 25 }, (_v, i) => `n${i}`);
    await writeCustomerEvents(dataSource, tenantId, customerId, names);
    // All on the partition before the group starts: one customer, so one partition, ours at its end.
    await waitFor('all published', async () => {
      const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1 AND published_at IS NOT NULL`, [tenantId]);
      return row.n === names.length || undefined;
    });
    const chunks: { ours: number; behind: number }[] = [];
    const consumer = createEventConsumer({
      kafka,
      dataSource,
      logger,
      groupId,
      chunkSize: 10,
      maxWaitTimeInMs: 100,
      handlers: [on(CustomerCreatedV1, async () => undefined)],
      afterApply: async (events, _manager, position) => {
        const ours = events.filter((event) => event.tenantId === tenantId).length;
        if (ours > 0) chunks.push({ ours, behind: position.behind });
      },
    });
    await consumer.start();
    try {
      await waitFor('every event reported', async () => chunks.reduce((sum, chunk) => sum + chunk.ours, 0) >= names.length || undefined);
      // Each chunk is followed by exactly the events of ours after it; the last by none.
      let after = names.length;
      for (const chunk of chunks) {
        after -= chunk.ours;
        assert.equal(chunk.behind, after, JSON.stringify(chunks));
      }
      assert.ok(chunks.length >= 3, JSON.stringify(chunks));
    } finally {
      await consumer.stop();
    }
  });

  it('runs every handler registered for one event type in the group, each once per event', async () => {
    const tenantId = randomUUID();
    const customerId = randomUUID();
    const groupId = `several-${tenantId}`;
    const handler = (suffix: string) =>
      on(CustomerCreatedV1, async (event, scope) => {
        if (event.tenantId !== tenantId) return;
        await scope.manager.query(
          `INSERT INTO applied_events (event_id, tenant_id, customer_id, name, consumer) VALUES ($1, $2, $3, $4, $5)`,
          [event.id, event.tenantId, event.customerId, `${event.payload.name}-${suffix}`, groupId],
        );
      });
    const consumer = createEventConsumer({ kafka, dataSource, logger, groupId, maxWaitTimeInMs: 100, handlers: [handler('a'), handler('b')] });
    await writeCustomerEvents(dataSource, tenantId, customerId, ['one', 'two']);
    await consumer.start();
    try {
      await waitFor('both handlers applied both events', async () => (await countApplied(tenantId, groupId)).total >= 4 || undefined);
      const rows: { name: string }[] = await dataSource.query(`SELECT name FROM applied_events WHERE tenant_id = $1 AND consumer = $2 ORDER BY name`, [tenantId, groupId]);
      assert.deepEqual(rows.map((row) => row.name), ['one-a', 'one-b', 'two-a', 'two-b']);
    } finally {
      await consumer.stop();
    }
  });

  it('loses and duplicates nothing when its process is SIGKILLed mid-batch and restarted', async () => {
    const tenantId = randomUUID();
    const groupId = `killed-${tenantId}`;
    const customers = Array.from({ length: 100 }, () => randomUUID());
    for (const customer of customers) await writeCustomerEvents(dataSource, tenantId, customer, ['a', 'b', 'c', 'd', 'e']);
    await waitFor('the outbox drained', async () => (await relay.backlog()) === 0 || undefined);

    const script = fileURLToPath(new URL('./fixtures/consumer-process.ts', import.meta.url));
    const startProcess = (): ChildProcess =>
      spawn(process.execPath, ['--conditions=development', '--import', 'tsx', script, `127.0.0.1:${broker.port}`, databaseUrl, groupId], {
        stdio: 'ignore',
      });
    const first = startProcess();
    await waitFor('the first process mid-way', async () => {
      const { total } = await countApplied(tenantId, groupId);
      return total >= 100 && total < 500;
    });
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const killedAt = (await countApplied(tenantId, groupId)).total;
    assert.ok(killedAt < 500, 'the process was killed before it finished');

    const second = startProcess();
    try {
      await waitFor('every event applied', async () => (await countApplied(tenantId, groupId)).distinct_events === 500 || undefined, 120_000);
      // Let the restarted consumer settle, then check nothing was applied twice.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(await countApplied(tenantId, groupId), { total: 500, distinct_events: 500 });
    } finally {
      second.kill('SIGTERM');
    }
  });
});
