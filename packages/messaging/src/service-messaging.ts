import type { ServiceComponent, ServiceDependencies } from '@rapport/service-kit';
import { Gauge } from 'prom-client';
import { createEventConsumer, type AfterApply, type EventConsumer, type HandlerRegistration } from './consumer.js';
import { createKafka, parseBrokers } from './kafka.js';
import { createOutboxRelay, type OutboxRelay } from './relay.js';
import { ensureTopics } from './topics.js';

export interface MessagingOptions {
  /** The producer name written in every envelope and the Kafka client id. */
  service: string;
  /** Whether this service writes events (runs an outbox relay). */
  publishes: boolean;
  consumers?: { groupId: string; handlers: HandlerRegistration[]; chunkSize?: number; afterApply?: AfterApply }[];
}

export interface Messaging {
  components: ServiceComponent[];
  relay?: OutboxRelay;
  consumers: EventConsumer[];
}

/**
 * The event side of a service as components the service starts after its database and
 * stops before it. Nothing here blocks start-up on Kafka: topics are created, the relay
 * publishes and consumers join as soon as the broker answers.
 */
export function createMessaging(dependencies: ServiceDependencies, options: MessagingOptions): Messaging {
  const { environment, logger, dataSource } = dependencies;
  if (!environment.KAFKA_BROKERS) {
    logger.warn('KAFKA_BROKERS is not set: events stay in the outbox and no consumer runs');
    return { components: [], consumers: [] };
  }
  const kafka = createKafka({ brokers: parseBrokers(environment.KAFKA_BROKERS), clientId: options.service, logger });
  let topicsReady = false;
  let creatingTopics: Promise<void> | undefined;
  let stopping = false;
  let interruptWait: (() => void) | undefined;
  const stopTopicsLoop = () => {
    stopping = true;
    interruptWait?.();
  };
  const topics: ServiceComponent = {
    name: 'kafka-topics',
    async start() {
      creatingTopics = (async () => {
        for (let waitMs = 500; !stopping && !topicsReady; waitMs = Math.min(waitMs * 2, 5_000)) {
          try {
            await ensureTopics(kafka);
            topicsReady = true;
          } catch (error) {
            logger.warn({ reason: error instanceof Error ? error.message : String(error), retryInMs: waitMs }, 'cannot create topics yet');
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, waitMs);
              interruptWait = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
        }
      })();
    },
    async stop() {
      stopTopicsLoop();
      await creatingTopics;
    },
  };
  const relay = options.publishes
    ? createOutboxRelay({ dataSource, databaseUrl: environment.DATABASE_URL, kafka, logger })
    : undefined;
  if (relay && dependencies.metrics) {
    new Gauge({
      name: 'rapport_outbox_backlog',
      help: 'Events written but not yet acknowledged by Kafka',
      registers: [dependencies.metrics.registry],
      async collect() {
        this.set(await relay.backlog().catch(() => -1));
      },
    });
  }
  const consumers = (options.consumers ?? []).map((consumer) =>
    createEventConsumer({
      kafka,
      dataSource,
      logger,
      groupId: consumer.groupId,
      handlers: consumer.handlers,
      ...(consumer.chunkSize ? { chunkSize: consumer.chunkSize } : {}),
      ...(consumer.afterApply ? { afterApply: consumer.afterApply } : {}),
      ...(dependencies.metrics ? { metrics: dependencies.metrics } : {}),
    }),
  );
  // Consumers subscribe once their topics exist (a subscription to a missing topic fails),
  // still without holding up the service's start.
  const consumerComponents: ServiceComponent[] = consumers.map((consumer) => {
    let started: Promise<void> | undefined;
    return {
      name: consumer.name,
      async start() {
        started = (creatingTopics ?? Promise.resolve()).then(() => (stopping ? undefined : consumer.start()));
      },
      async stop() {
        // Components stop in reverse order, so this runs before the topics loop is told to
        // stop; with Kafka down that loop would otherwise keep `started` waiting.
        stopTopicsLoop();
        await started;
        await consumer.stop();
      },
    };
  });
  return { components: [topics, ...(relay ? [relay] : []), ...consumerComponents], ...(relay ? { relay } : {}), consumers };
}
