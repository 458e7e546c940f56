import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CustomerCreatedV1 } from '@rapport/events';
import { parseEnv, serviceEnvironmentSchema } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { createMessaging, on } from '../src/index.js';
import { databaseUrl, logger, openDatabase, writeCustomerEvents } from './harness.js';

let dataSource: DataSource;
before(async () => {
  dataSource = await openDatabase();
});
after(async () => {
  await dataSource.destroy();
});

describe('messaging as service components', () => {
  it('starts, keeps writes working and stops while Kafka is unreachable', { timeout: 60_000 }, async () => {
    const environment = parseEnv(serviceEnvironmentSchema, {
      PORT: '0',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'a-secret-of-sixteen-chars',
      // Nothing listens on port 1.
      KAFKA_BROKERS: '127.0.0.1:1',
    });
    const messaging = createMessaging(
      { dataSource, logger, environment },
      { service: 'test', publishes: true, consumers: [{ groupId: `unreachable-${randomUUID()}`, handlers: [on(CustomerCreatedV1, async () => {})] }] },
    );
    for (const component of messaging.components) await component.start();
    const tenantId = randomUUID();
    await writeCustomerEvents(dataSource, tenantId, randomUUID(), ['written while Kafka is away']);
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1 AND published_at IS NULL`, [tenantId]);
    assert.equal(row.n, 1, 'the event waits in the outbox');
    for (const component of [...messaging.components].reverse()) await component.stop();
  });
});
