import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { startBroker, type BrokerOptions, type RunningBroker } from '../../src/index.js';

const { Kafka, logLevel } = kafkajs;

export interface TestBroker extends RunningBroker {
  dataDir: string;
  address: string;
  kafka(clientId?: string): InstanceType<typeof Kafka>;
  cleanup(): Promise<void>;
}

export function tempDir(prefix = 'rapport-kafka-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestBroker(opts: Partial<BrokerOptions> = {}): Promise<TestBroker> {
  const dataDir = opts.dataDir ?? tempDir();
  const broker = await startBroker({ port: 0, dataDir, logLevel: process.env.RAPPORT_KAFKA_LOG_LEVEL ?? 'warn', ...opts });
  const address = `${broker.host}:${broker.port}`;
  return {
    ...broker,
    dataDir,
    address,
    kafka: (clientId = 'test') => kafkaClient(address, clientId),
    async cleanup() {
      await broker.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** kafkajs with short timeouts so failures surface quickly in tests. */
export function kafkaClient(address: string, clientId = 'test') {
  return new Kafka({
    clientId,
    brokers: [address],
    logLevel: logLevel.NOTHING,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1000 },
    connectionTimeout: 3000,
    requestTimeout: 10000,
  });
}

export const consumerDefaults = { sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 200, rebalanceTimeout: 10000 };

/** Polls `check` until it returns true; the timeout is only a failure guard. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
