import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@rapport/kafka-broker';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface TestInfrastructure {
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts what integration tests talk to, once for a whole test run: an embedded Postgres
 * unless DATABASE_URL is set, the development broker unless KAFKA_BROKERS is set.
 */
export async function startTestInfrastructure(
  want: { postgres: boolean; kafka: boolean },
  log: (line: string) => void = () => {},
): Promise<TestInfrastructure> {
  const env: Record<string, string> = {};
  const stops: (() => Promise<void>)[] = [];
  if (want.postgres && !process.env['DATABASE_URL']) {
    const postgres = await startEmbeddedPostgres();
    env['DATABASE_URL'] = postgres.url;
    stops.push(postgres.stop);
    log(`embedded Postgres on port ${postgres.port}`);
  }
  if (want.kafka && !process.env['KAFKA_BROKERS']) {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-kafka-'));
    // Durability is tested by the broker's own suite; the shared test broker trades it for speed.
    const broker = await startBroker({ port: 0, dataDir, fsync: false, logLevel: 'warn' });
    env['KAFKA_BROKERS'] = `${broker.host}:${broker.port}`;
    stops.push(async () => {
      await broker.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    log(`development broker on port ${broker.port}`);
  }
  return {
    env,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`stopping: ${String(error)}`));
    },
  };
}

/** The broker list a test run exposes; see testDatabaseUrl for the Postgres twin. */
export function testKafkaBrokers(): string[] {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run tests with `npm test` (root) or `rapport-node-test --with-kafka`');
  return brokers.split(',');
}
