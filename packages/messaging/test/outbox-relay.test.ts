import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CustomerCreatedV1, TOPICS } from '@rapport/events';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createEventConsumer, createOutboxRelay, on, recordEvent, type EventConsumer, type OutboxRelay } from '../src/index.js';
import { databaseUrl, kafkaFor, logger, openDatabase, startOwnBroker, waitFor, writeCustomerEvents, type BrokerHandle } from './harness.js';

let dataSource: DataSource;
let broker: BrokerHandle;
let kafka: Kafka;

before(async () => {
  dataSource = await openDatabase();
  broker = await startOwnBroker();
  kafka = await kafkaFor(broker, 'relay-test');
});
after(async () => {
  await dataSource.destroy();
  await broker.dispose();
});

/** A consumer that records every applied event of one tenant in applied_events. */
function recordingConsumer(groupId: string): EventConsumer {
  return createEventConsumer({
    kafka,
    dataSource,
    logger,
    groupId,
    maxWaitTimeInMs: 100,
    handlers: [
      on(CustomerCreatedV1, async (event, scope) => {
        const [setting] = await scope.manager.query(`SELECT current_setting('app.tenant_id', true) AS tenant`);
        await scope.manager.query(
          `INSERT INTO applied_events (event_id, tenant_id, customer_id, name, consumer, applied_tenant) VALUES ($1, $2, $3, $4, $5, $6)`,
          [event.id, event.tenantId, event.customerId, event.payload.name, groupId, setting.tenant],
        );
      }),
    ],
  });
}

async function appliedFor(tenantId: string, consumer: string) {
  return (await dataSource.query(`SELECT event_id, customer_id, name, applied_tenant FROM applied_events WHERE tenant_id = $1 AND consumer = $2 ORDER BY seq`, [
    tenantId,
    consumer,
  ])) as { event_id: string; customer_id: string; name: string; applied_tenant: string }[];
}

describe('outbox relay', () => {
  it('publishes what a committed transaction wrote, never what a rolled-back one wrote', async () => {
    const tenantId = randomUUID();
    const relay = createOutboxRelay({ dataSource, databaseUrl, kafka, logger });
    const consumer = recordingConsumer(`commit-${tenantId}`);
    await relay.start();
    await consumer.start();
    try {
      const committed = randomUUID();
      await writeCustomerEvents(dataSource, tenantId, committed, ['kept']);
      await assert.rejects(
        dataSource.transaction(async (manager) => {
          await recordEvent(manager, 'test', CustomerCreatedV1, {
            tenantId,
            customerId: randomUUID(),
            payload: { name: 'rolled back', kind: 'BUSINESS', externalId: null, email: null, domain: null, industry: null, country: null, lifecycleStage: 'ACQUISITION', ownerId: null, tags: [], source: null, createdAt: new Date().toISOString() },
          });
          throw new Error('the state change failed');
        }),
      );
      await writeCustomerEvents(dataSource, tenantId, committed, ['after']);
      const rows = await waitFor('both committed events', async () => {
        const applied = await appliedFor(tenantId, `commit-${tenantId}`);
        return applied.length >= 2 && applied;
      });
      assert.deepEqual(rows.map((row) => row.name), ['kept', 'after']);
      assert.ok(rows.every((row) => row.applied_tenant === tenantId), 'handlers run bound to the event tenant');
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });

  it('refuses an event whose payload breaks its contract, failing the write', async () => {
    await assert.rejects(
      dataSource.transaction((manager) =>
        recordEvent(manager, 'test', CustomerCreatedV1, { tenantId: randomUUID(), customerId: randomUUID(), payload: { name: 42 } as never }),
      ),
    );
  });

  it('keeps writing while Kafka is down, then delivers every event once and in per-customer order', async () => {
    const tenantId = randomUUID();
    const groupId = `outage-${tenantId}`;
    const relay = createOutboxRelay({ dataSource, databaseUrl, kafka, logger, pollIntervalMs: 200 });
    const consumer = recordingConsumer(groupId);
    await relay.start();
    await consumer.start();
    const customers = Array.from({ length: 40 }, () => randomUUID());
    const steps = ['step-1', 'step-2', 'step-3'];
    try {
      for (const customer of customers.slice(0, 10)) await writeCustomerEvents(dataSource, tenantId, customer, steps);
      await broker.stop();
      // Writes succeed with the broker gone: the outbox grows.
      for (const customer of customers.slice(10, 30)) await writeCustomerEvents(dataSource, tenantId, customer, steps);
      assert.ok((await relay.backlog()) > 0, 'events wait in the outbox while Kafka is down');
      await broker.restart();
      for (const customer of customers.slice(30)) await writeCustomerEvents(dataSource, tenantId, customer, steps);
      const rows = await waitFor(
        'all 120 events applied',
        async () => {
          const applied = await appliedFor(tenantId, groupId);
          return applied.length >= 120 && applied;
        },
        90_000,
      );
      assert.equal(rows.length, 120, 'no event applied twice');
      assert.equal(new Set(rows.map((row) => row.event_id)).size, 120);
      for (const customer of customers) {
        assert.deepEqual(
          rows.filter((row) => row.customer_id === customer).map((row) => row.name),
          steps,
          `events of ${customer} out of order`,
        );
      }
      assert.equal(await relay.backlog(), 0);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });

  it('prunes published rows once they are older than the retention period, never unpublished ones', async () => {
    const tenantId = randomUUID();
    await writeCustomerEvents(dataSource, tenantId, randomUUID(), ['to be pruned']);
    // An old published row and a stuck unpublished one, as a relay would find them.
    await dataSource.query(
      `WITH dequeued AS (DELETE FROM outbox_pending WHERE seq IN (SELECT seq FROM outbox WHERE tenant_id = $1))
       UPDATE outbox SET published_at = now() - interval '2 days' WHERE tenant_id = $1`,
      [tenantId],
    );
    const unpublishedTenant = randomUUID();
    await writeCustomerEvents(dataSource, unpublishedTenant, randomUUID(), ['kept until published']);
    const relay = createOutboxRelay({ dataSource, databaseUrl, kafka, logger, retentionMs: 24 * 3600 * 1000, pruneIntervalMs: 0 });
    await relay.start();
    try {
      await waitFor('the old row pruned', async () => {
        const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1`, [tenantId]);
        return row.n === 0 || undefined;
      });
      const [kept] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1`, [unpublishedTenant]);
      assert.equal(kept.n, 1, 'a row published just now is within retention and stays');
    } finally {
      await relay.stop();
    }
  });

  it('re-publishes a batch after a crash between publishing and marking, and the inbox absorbs the duplicate', async () => {
    const tenantId = randomUUID();
    const groupId = `crash-${tenantId}`;
    let crashes = 0;
    const relay = createOutboxRelay({
      dataSource,
      databaseUrl,
      kafka,
      logger,
      afterPublish: () => {
        if (crashes === 0) {
          crashes += 1;
          throw new Error('relay died after Kafka acknowledged the batch');
        }
      },
    });
    const consumer = recordingConsumer(groupId);
    const customerId = randomUUID();
    await writeCustomerEvents(dataSource, tenantId, customerId, ['only-once']);
    const before = await kafka.admin();
    await before.connect();
    const offsetsBefore = await before.fetchTopicOffsets(TOPICS.customers);
    await relay.start();
    await consumer.start();
    try {
      await waitFor('the event applied', async () => (await appliedFor(tenantId, groupId)).length >= 1 || undefined);
      await waitFor('the outbox drained', async () => (await relay.backlog()) === 0 || undefined);
      const offsetsAfter = await before.fetchTopicOffsets(TOPICS.customers);
      const published = offsetsAfter.reduce((sum, p) => sum + Number(p.high), 0) - offsetsBefore.reduce((sum, p) => sum + Number(p.high), 0);
      assert.ok(published >= 2, `the crashed batch went out again (published ${published})`);
      // Give the consumer time to see the duplicate too, then check it had no effect.
      await waitFor('the duplicate consumed', async () => consumer.stats().duplicates >= 1 || undefined);
      assert.equal((await appliedFor(tenantId, groupId)).length, 1);
    } finally {
      await before.disconnect();
      await consumer.stop();
      await relay.stop();
    }
  });
});
