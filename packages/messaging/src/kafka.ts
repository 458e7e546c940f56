import kafkajs, { type ICustomPartitioner, type Kafka, type LogEntry } from 'kafkajs';
import type { Logger } from '@rapport/service-kit';

const { Kafka: KafkaClient, logLevel, Partitioners } = kafkajs;

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

const MURMUR2_M = 0x5bd1e995;

/**
 * Kafka's murmur2 (the Java client's `Utils.murmur2`) in 32-bit integer arithmetic. kafkajs
 * computes the same hash with 64-bit BigInt objects, about 40 us for a customer-id key, more
 * than the rest of a message's production; this is the same function without the objects.
 * ASCII keys (customer ids) are read straight from the string, without a Buffer.
 */
export function murmur2(key: Buffer | string): number {
  let bytes: Buffer | undefined;
  let length: number;
  if (typeof key === 'string') {
    length = key.length;
    for (let index = 0; index < length; index++) {
      if (key.charCodeAt(index) > 0x7f) {
        bytes = Buffer.from(key, 'utf8');
        length = bytes.length;
        break;
      }
    }
  } else {
    bytes = key;
    length = key.length;
  }
  const at = bytes ? (index: number) => bytes[index]! : (index: number) => (key as string).charCodeAt(index);
  let h = 0x9747b28c ^ length;
  const whole = length & ~3;
  for (let index = 0; index < whole; index += 4) {
    let k = at(index) | (at(index + 1) << 8) | (at(index + 2) << 16) | (at(index + 3) << 24);
    k = Math.imul(k, MURMUR2_M);
    k ^= k >>> 24;
    k = Math.imul(k, MURMUR2_M);
    h = Math.imul(h, MURMUR2_M) ^ k;
  }
  const rest = length & 3;
  if (rest > 0) {
    if (rest === 3) h ^= at(whole + 2) << 16;
    if (rest >= 2) h ^= at(whole + 1) << 8;
    h ^= at(whole);
    h = Math.imul(h, MURMUR2_M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, MURMUR2_M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * kafkajs's default partitioner with the fast murmur2: a keyed message goes to the partition
 * the Java client and kafkajs would choose (so one customer's events share a partition whoever
 * produced them); explicit partitions and unkeyed messages are left to kafkajs.
 */
export const keyHashPartitioner: ICustomPartitioner = () => {
  const fallback = Partitioners.DefaultPartitioner();
  return (args) => {
    const { message, partitionMetadata } = args;
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    if (message.key === null || message.key === undefined) return fallback(args);
    return (murmur2(message.key) & 0x7fffffff) % partitionMetadata.length;
  };
};
