import kafkajs, { type Kafka, type LogEntry } from 'kafkajs';
import type { Logger } from '@rapport/service-kit';

const { Kafka: KafkaClient, logLevel } = kafkajs;

export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

/** Parses `KAFKA_BROKERS` ("host:port,host:port"). */
export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}

/** A kafkajs client whose log lines go to the service's pino logger. */
export function createKafka(options: KafkaOptions): Kafka {
  const log = options.logger.child({ component: 'kafka' });
  return new KafkaClient({
    clientId: options.clientId,
    brokers: options.brokers,
    // kafkajs retries connection errors itself; these bound how long one call keeps trying
    // before our own loops (relay, consumer) take over with their backoff.
    retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
    connectionTimeout: 3_000,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        // kafkajs reports every failed connection attempt as an error; an outage is reported
        // once by the relay or consumer that waits it out, so these are warnings here.
        if (level <= logLevel.WARN) log.warn(rest, message);
        else log.debug(rest, message);
      },
  });
}
