import { randomUUID } from 'node:crypto';
import kafkajs from 'kafkajs';
import { testKafkaBrokers } from './infrastructure.js';

const { Kafka, logLevel } = kafkajs;

/** An event as a test reads it back from Kafka: the envelope, its topic and its key. */
export interface ReceivedEvent {
  id: string;
  type: string;
  version: number;
  tenantId: string;
  customerId: string;
  occurredAt: string;
  producer: string;
  payload: Record<string, any>;
  topic: string;
  key: string | null;
}

export interface EventTap {
  waitFor(tenantId: string, predicate: (event: ReceivedEvent) => boolean, what: string): Promise<ReceivedEvent>;
  received(tenantId: string): ReceivedEvent[];
  stop(): Promise<void>;
}

/**
 * Reads topics from the beginning with a group of its own and keeps what arrives, so a test
 * can wait for the event its mutation published. Tests filter by their own tenant id, since
 * every test of the run shares the topics.
 */
export async function tapEvents(topics: string[], options: { timeoutMs?: number } = {}): Promise<EventTap> {
  const kafka = new Kafka({ clientId: 'rapport-test-tap', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `rapport-test-tap-${randomUUID()}` });
  const events: ReceivedEvent[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      if (!message.value) return;
      const envelope = JSON.parse(message.value.toString('utf8')) as Omit<ReceivedEvent, 'topic' | 'key'>;
      events.push({ ...envelope, topic, key: message.key?.toString('utf8') ?? null });
    },
  });
  // A generous bound only so that a missing event fails the test instead of hanging it.
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    received: (tenantId) => events.filter((event) => event.tenantId === tenantId),
    async waitFor(tenantId, predicate, what) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find((event) => event.tenantId === tenantId && predicate(event));
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = events.filter((event) => event.tenantId === tenantId).map((event) => `${event.topic}:${event.type}`);
          throw new Error(`no ${what} arrived; this tenant's events: ${seen.join(', ') || 'none'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => consumer.disconnect(),
  };
}
