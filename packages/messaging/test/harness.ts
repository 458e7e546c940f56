import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomerCreatedV1 } from '@rapport/events';
import { startBroker, type RunningBroker } from '@rapport/kafka-broker';
import { createDataSource, createLogger, ensureDatabase, runMigrations } from '@rapport/service-kit';
import { testDatabaseUrl } from '@rapport/test-kit';
import type { Kafka } from 'kafkajs';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createKafka, ensureTopics, messagingMigrations, recordEvent } from '../src/index.js';

/** A read model for tests: every applied event is one row, so duplicates would show. */
export class CreateAppliedEvents1732300000200 implements MigrationInterface {
  name = 'CreateAppliedEvents1732300000200';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE applied_events (
      seq bigserial PRIMARY KEY, event_id uuid NOT NULL, tenant_id uuid NOT NULL, customer_id uuid NOT NULL, name text NOT NULL,
      consumer text NOT NULL, applied_tenant text)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE applied_events`);
  }
}

export const logger = createLogger({ name: 'messaging-test', level: (process.env['LOG_LEVEL'] as 'warn' | undefined) ?? 'fatal' });
export const databaseUrl = testDatabaseUrl('messaging');

export async function openDatabase(): Promise<DataSource> {
  await ensureDatabase(databaseUrl);
  const dataSource = createDataSource({
    url: databaseUrl,
    entities: [],
    migrations: [...messagingMigrations, CreateAppliedEvents1732300000200],
    poolSize: 5,
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}

export interface BrokerHandle {
  broker: RunningBroker;
  port: number;
  dataDir: string;
  /** Stops the broker; `restart` brings it back on the same port and data. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** A broker of this test file's own, since some tests stop and restart it. */
export async function startOwnBroker(): Promise<BrokerHandle> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-messaging-kafka-'));
  let broker = await startBroker({ port: 0, dataDir, fsync: false, logLevel: 'fatal' });
  const port = broker.port;
  const handle: BrokerHandle = {
    broker,
    port,
    dataDir,
    stop: () => broker.stop(),
    restart: async () => {
      broker = await startBroker({ port, dataDir, fsync: false, logLevel: 'fatal' });
      handle.broker = broker;
    },
    dispose: async () => {
      await broker.stop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

export async function kafkaFor(broker: BrokerHandle, clientId: string): Promise<Kafka> {
  const kafka = createKafka({ brokers: [`127.0.0.1:${broker.port}`], clientId, logger });
  await ensureTopics(kafka);
  return kafka;
}

/** Writes CustomerCreated events for one customer, one transaction each, named in order. */
export async function writeCustomerEvents(dataSource: DataSource, tenantId: string, customerId: string, names: string[]) {
  for (const name of names) {
    await dataSource.transaction((manager) =>
      recordEvent(manager, 'test', CustomerCreatedV1, {
        tenantId,
        customerId,
        payload: {
          name,
          kind: 'BUSINESS',
          externalId: null,
          email: null,
          domain: null,
          industry: null,
          country: null,
          lifecycleStage: 'ACQUISITION',
          ownerId: null,
          tags: [],
          source: null,
          createdAt: new Date().toISOString(),
        },
      }),
    );
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
