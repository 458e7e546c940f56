import {
  decodeEvent,
  decodeParsedEvent,
  deadLetterTopic,
  findEventDefinition,
  type DecodedMessage,
  type EventDefinition,
  type EventEnvelope,
  type PayloadOf,
} from '@rapport/events';
import { enterTenant, type Logger, type ServiceComponent, type ServiceMetrics, type TenantScope } from '@rapport/service-kit';
import { Gauge, Histogram, type Registry } from 'prom-client';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { keyHashPartitioner } from './kafka.js';

/** Applies one event inside the consumer's transaction, bound to the event's tenant. */
export type EventHandler<Definition extends EventDefinition> = (
  event: EventEnvelope<PayloadOf<Definition>>,
  scope: TenantScope,
) => Promise<void>;

/** Applies a run of consecutive events of one type and one tenant at once (bulk upserts). */
export type BatchEventHandler<Definition extends EventDefinition> = (
  events: EventEnvelope<PayloadOf<Definition>>[],
  scope: TenantScope,
) => Promise<void>;

/** Where a chunk stands in its partition: `behind` messages followed it there when it was fetched. */
export interface ChunkPosition {
  topic: string;
  partition: number;
  behind: number;
}

export type AfterApply = (events: EventEnvelope[], manager: EntityManager, position: ChunkPosition) => Promise<void>;

export interface HandlerRegistration {
  definition: EventDefinition;
  handle?: EventHandler<EventDefinition>;
  handleBatch?: BatchEventHandler<EventDefinition>;
}

export function on<Definition extends EventDefinition>(definition: Definition, handle: EventHandler<Definition>): HandlerRegistration {
  return { definition, handle: handle as EventHandler<EventDefinition> };
}

export function onBatch<Definition extends EventDefinition>(
  definition: Definition,
  handleBatch: BatchEventHandler<Definition>,
): HandlerRegistration {
  return { definition, handleBatch: handleBatch as BatchEventHandler<EventDefinition> };
}

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  logger: Logger;
  groupId: string;
  handlers: HandlerRegistration[];
  /** Attempts for one event before it is dead-lettered (handler errors only, never outages). */
  maxAttempts?: number;
  retryBaseMs?: number;
  /** Events applied per database transaction. */
  chunkSize?: number;
  /**
   * Runs in each chunk's transaction after its handlers, with the events they applied (never
   * duplicates): for work derived from several read models at once, such as a score, which must
   * see every write of the chunk and commit or roll back with them.
   */
  afterApply?: AfterApply;
  sessionTimeout?: number;
  heartbeatInterval?: number;
  maxWaitTimeInMs?: number;
  /**
   * Partitions applied at once. Each has its own transaction, so while one waits for its
   * commit to be flushed another can work; order within a partition (a customer) is kept.
   */
  partitionsConsumedConcurrently?: number;
  metrics?: ServiceMetrics;
}

export interface ConsumerStats {
  applied: number;
  duplicates: number;
  skippedUnknownType: number;
  skippedUnknownVersion: number;
  ignored: number;
  deadLettered: number;
  retries: number;
}

export interface EventConsumer extends ServiceComponent {
  stats(): Readonly<ConsumerStats>;
}

interface Item {
  message: KafkaMessage;
  decoded: DecodedMessage | { kind: 'not-handled' };
}

const TRANSIENT_NODE_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/**
 * Outages are not poison: a database that is down fails every event, and dead-lettering
 * them all would lose the stream. These are retried until they pass or the consumer stops.
 */
export function isTransientError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (TRANSIENT_NODE_ERRORS.has(code)) return true;
    // Postgres classes: 08 connection, 53 resources, 57P admin shutdown, 40001/40P01 retry.
    if (/^(08|53|57P)/.test(code) || code === '40001' || code === '40P01') return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection is closed|Client has encountered a connection error/i.test(message);
}

class StoppedError extends Error {}

interface ConsumerMetrics {
  lag: Gauge<'group' | 'topic' | 'partition'>;
  eventAge: Histogram<'group'>;
  statsByGroup: Map<string, ConsumerStats>;
}

// Metrics are registered once per registry, however many consumers a service runs.
const metricsByRegistry = new WeakMap<Registry, ConsumerMetrics>();

function createConsumerMetrics(registers: Registry[]): ConsumerMetrics {
  const statsByGroup = new Map<string, ConsumerStats>();
  new Gauge({
    name: 'rapport_consumer_events',
    help: 'Events by consumer group and outcome since start (applied, duplicates, skipped, dead-lettered)',
    labelNames: ['group', 'outcome'],
    registers,
    collect() {
      for (const [group, stats] of statsByGroup) for (const [outcome, count] of Object.entries(stats)) this.set({ group, outcome }, count);
    },
  });
  return {
    statsByGroup,
    lag: new Gauge({
      name: 'rapport_consumer_lag_messages',
      help: 'Messages behind the end of each partition, as of the last batch',
      labelNames: ['group', 'topic', 'partition'],
      registers,
    }),
    eventAge: new Histogram({
      name: 'rapport_event_age_seconds',
      help: 'From when an event occurred to when its consumer applied it',
      labelNames: ['group'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
  };
}

function consumerMetrics(metrics: ServiceMetrics | undefined): ConsumerMetrics {
  if (!metrics) return createConsumerMetrics([]);
  let existing = metricsByRegistry.get(metrics.registry);
  if (!existing) {
    existing = createConsumerMetrics([metrics.registry]);
    metricsByRegistry.set(metrics.registry, existing);
  }
  return existing;
}

const consumerStatsByGroup = (metrics: ServiceMetrics | undefined) => (metrics ? consumerMetrics(metrics).statsByGroup : undefined);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A chunk's events as runs of one type, version and tenant, for batch handlers, keeping the
 * order of each customer's events. Events of different customers have no order between them
 * (they may as well travel on different partitions or topics, so handlers cannot rely on one),
 * which lets a run gather every customer's event of that type: a topic whose types alternate
 * (orders placed and paid, tickets opened and moved) no longer cuts a chunk into runs of one or
 * two events, each a round of statements and of the statement triggers behind them. A customer
 * whose events alternate types is in as many successive levels; runs of a level come before those
 * of the next.
 */
export function runsByType<Event extends Pick<EventEnvelope, 'type' | 'version' | 'tenantId' | 'customerId'>>(events: readonly Event[]): Event[][] {
  const customers = new Map<string, { run: string; level: number }>();
  const levels: Map<string, Event[]>[] = [];
  for (const event of events) {
    const run = `${event.tenantId}|${event.type}@${event.version}`;
    const customer = `${event.tenantId}|${event.customerId}`;
    const previous = customers.get(customer);
    const level = previous === undefined ? 0 : previous.run === run ? previous.level : previous.level + 1;
    customers.set(customer, { run, level });
    const runs = (levels[level] ??= new Map());
    const members = runs.get(run);
    if (members) members.push(event);
    else runs.set(run, [event]);
  }
  const result: Event[][] = [];
  let lastRun: string | undefined;
  for (const runs of levels) {
    // The previous level's last run continues into this level's run of the same key, if any.
    const continued = lastRun === undefined ? undefined : runs.get(lastRun);
    if (continued) {
      result[result.length - 1]!.push(...continued);
      runs.delete(lastRun!);
    }
    for (const [run, members] of runs) {
      result.push(members);
      lastRun = run;
    }
  }
  return result;
}

/**
 * An idempotent consumer. Guarantees, in order:
 * - each event of a type it handles is validated against its contract; unknown types and
 *   newer versions are skipped and counted, malformed events are dead-lettered with the reason;
 * - the handler's writes and the event id in the `inbox` commit in one transaction, so a
 *   redelivered event has no second effect;
 * - offsets are committed only after that transaction commits;
 * - handler failures are retried with backoff; an event still failing after `maxAttempts`
 *   goes to `<topic>.dlq` with the error, and the partition moves on.
 */
export function createEventConsumer(options: EventConsumerOptions): EventConsumer {
  const log = options.logger.child({ component: 'consumer', groupId: options.groupId });
  const maxAttempts = options.maxAttempts ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 200;
  const chunkSize = options.chunkSize ?? 500;
  // Several reactions to one event (a directory copy and a re-pointing, say) may live in one
  // group: they run one after the other, in the order registered, in the event's transaction.
  const handlers = new Map<string, HandlerRegistration[]>();
  for (const registration of options.handlers) {
    const key = `${registration.definition.type}@${registration.definition.version}`;
    handlers.set(key, [...(handlers.get(key) ?? []), registration]);
  }
  const topics = [...new Set(options.handlers.map((registration) => registration.definition.topic))];
  const stats: ConsumerStats = { applied: 0, duplicates: 0, skippedUnknownType: 0, skippedUnknownVersion: 0, ignored: 0, deadLettered: 0, retries: 0 };

  const { lag, eventAge } = consumerMetrics(options.metrics);
  consumerStatsByGroup(options.metrics)?.set(options.groupId, stats);

  let consumer: Consumer | undefined;
  let deadLetters: Producer | undefined;
  let running = false;
  let starting: Promise<void> | undefined;

  const handlerFor = (event: EventEnvelope) => handlers.get(`${event.type}@${event.version}`);

  /**
   * A group validates only what it handles. Most of a topic is often other groups' business
   * (contacts' import group reads every CustomerCreated to find its one type): for those a
   * look at the type is enough, and a malformed one is left to the group that handles it to
   * dead-letter. Unknown types and versions are still told apart and counted.
   */
  function decode(value: Buffer | null): Item['decoded'] {
    if (value === null) return decodeEvent(null);
    let json: unknown;
    try {
      json = JSON.parse(value.toString('utf8'));
    } catch {
      return { kind: 'malformed', reason: 'not JSON' };
    }
    const { type, version } = (typeof json === 'object' && json !== null ? json : {}) as { type?: unknown; version?: unknown };
    if (typeof type === 'string' && typeof version === 'number' && !handlers.has(`${type}@${version}`) && findEventDefinition(type, version)) {
      return { kind: 'not-handled' };
    }
    return decodeParsedEvent(json);
  }

  async function apply(manager: EntityManager, events: EventEnvelope[], position: ChunkPosition): Promise<void> {
    if (events.length === 0) return;
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO inbox (consumer_group, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id`,
      [options.groupId, events.map((event) => event.id)],
    );
    const fresh = new Set(inserted.map((row) => row.event_id));
    // The same id twice in one chunk (a relay retry) is applied once.
    const toApply = events.filter((event) => fresh.delete(event.id));
    stats.duplicates += events.length - toApply.length;
    for (const run of runsByType(toApply)) {
      const first = run[0]!;
      const scope = await enterTenant(manager, first.tenantId);
      for (const registration of handlerFor(first)!) {
        if (registration.handleBatch) await registration.handleBatch(run, scope);
        else for (const each of run) await registration.handle!(each, scope);
      }
    }
    if (options.afterApply && toApply.length > 0) await options.afterApply(toApply, manager, position);
    stats.applied += toApply.length;
    const now = Date.now();
    for (const event of toApply) eventAge.observe({ group: options.groupId }, (now - Date.parse(event.occurredAt)) / 1000);
  }

  async function deadLetter(topic: string, partition: number, item: Item, reason: string, attempts: number): Promise<void> {
    deadLetters ??= options.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: keyHashPartitioner });
    await deadLetters.connect();
    await deadLetters.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [
        {
          key: item.message.key,
          value: item.message.value,
          headers: {
            ...item.message.headers,
            'dlq-reason': reason.slice(0, 2_000),
            'dlq-group': options.groupId,
            'dlq-original-topic': topic,
            'dlq-original-partition': String(partition),
            'dlq-original-offset': item.message.offset,
            'dlq-attempts': String(attempts),
            'dlq-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    stats.deadLettered += 1;
    log.warn({ topic, partition, offset: item.message.offset, reason }, 'event dead-lettered');
  }

  /** Runs `work` until it passes; outages wait indefinitely, handler errors count attempts. */
  async function attempt(work: () => Promise<void>, maxHandlerAttempts: number): Promise<{ ok: true } | { ok: false; error: unknown; attempts: number }> {
    let attempts = 0;
    let outageWaitMs = retryBaseMs;
    for (;;) {
      if (!running) throw new StoppedError('consumer stopping');
      try {
        await work();
        return { ok: true };
      } catch (error) {
        if (isTransientError(error)) {
          log.warn({ err: error }, 'database unavailable; retrying');
          await sleep(outageWaitMs);
          outageWaitMs = Math.min(outageWaitMs * 2, 5_000);
          continue;
        }
        attempts += 1;
        stats.retries += 1;
        if (attempts >= maxHandlerAttempts) return { ok: false, error, attempts };
        await sleep(retryBaseMs * 2 ** (attempts - 1));
      }
    }
  }

  async function processChunk(topic: string, partition: number, items: Item[], position: ChunkPosition): Promise<void> {
    for (const item of items) {
      if (item.decoded.kind === 'unknown-type') stats.skippedUnknownType += 1;
      else if (item.decoded.kind === 'unknown-version') stats.skippedUnknownVersion += 1;
      else if (item.decoded.kind === 'malformed') await deadLetter(topic, partition, item, `malformed: ${item.decoded.reason}`, 0);
    }
    const events: { item: Item; event: EventEnvelope }[] = [];
    for (const item of items) {
      if (item.decoded.kind === 'not-handled') stats.ignored += 1;
      if (item.decoded.kind !== 'event') continue;
      if (handlerFor(item.decoded.event)) events.push({ item, event: item.decoded.event });
      else stats.ignored += 1;
    }
    if (events.length === 0) return;

    const whole = await attempt(
      () => options.dataSource.transaction((manager) => apply(manager, events.map(({ event }) => event), position)),
      Math.min(3, maxAttempts),
    );
    if (whole.ok) return;
    // Something in the chunk keeps failing: apply one event per transaction to find it.
    for (const { item, event } of events) {
      const single = await attempt(() => options.dataSource.transaction((manager) => apply(manager, [event], position)), maxAttempts);
      if (!single.ok) {
        const reason = single.error instanceof Error ? `${single.error.name}: ${single.error.message}` : String(single.error);
        await deadLetter(topic, partition, item, `handler failed: ${reason}`, single.attempts);
      }
    }
  }

  async function connectAndRun(): Promise<void> {
    let waitMs = 500;
    while (running) {
      try {
        consumer = options.kafka.consumer({
          groupId: options.groupId,
          sessionTimeout: options.sessionTimeout ?? 30_000,
          heartbeatInterval: options.heartbeatInterval ?? 3_000,
          maxWaitTimeInMs: options.maxWaitTimeInMs ?? 500,
          allowAutoTopicCreation: false,
        });
        const active = consumer;
        // kafkajs restarts itself after retriable errors only. After a broker restart the
        // group may not know this member any more; then rejoin from scratch, from the
        // committed offsets, rather than stop consuming.
        active.on(active.events.CRASH, ({ payload }) => {
          if (payload.restart || !running) return;
          log.warn({ err: payload.error }, 'consumer crashed; reconnecting');
          void active.disconnect().catch(() => undefined).then(() => {
            if (running && consumer === active) starting = connectAndRun();
          });
        });
        await active.connect();
        await active.subscribe({ topics, fromBeginning: true });
        await active.run({
          autoCommit: false,
          partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
          eachBatchAutoResolve: false,
          eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
            lag.set({ group: options.groupId, topic: batch.topic, partition: String(batch.partition) }, Number(batch.offsetLagLow()));
            const messages = batch.messages;
            for (let index = 0; index < messages.length; index += chunkSize) {
              if (!isRunning() || isStale()) return;
              const chunk = messages.slice(index, index + chunkSize).map((message): Item => ({ message, decoded: decode(message.value) }));
              const last = chunk[chunk.length - 1]!.message.offset;
              try {
                await processChunk(batch.topic, batch.partition, chunk, {
                  topic: batch.topic,
                  partition: batch.partition,
                  behind: Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(last) - 1n)),
                });
              } catch (error) {
                if (error instanceof StoppedError) return;
                throw error;
              }
              resolveOffset(last);
              // Only now is the chunk durable in the read model: commit the offset after it.
              await active.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
              await heartbeat();
            }
          },
        });
        log.info({ topics }, 'consuming');
        return;
      } catch (error) {
        log.warn({ reason: error instanceof Error ? error.message : String(error), retryInMs: waitMs }, 'cannot start consuming yet');
        await consumer?.disconnect().catch(() => undefined);
        consumer = undefined;
        await sleep(waitMs);
        waitMs = Math.min(waitMs * 2, 5_000);
      }
    }
  }

  return {
    name: `consumer:${options.groupId}`,
    async start() {
      running = true;
      // Never block the service's start on Kafka: writes must work while it is down.
      starting = connectAndRun();
    },
    async stop() {
      running = false;
      await starting;
      // Stop order: stop fetching, let the current chunk finish or abort uncommitted, disconnect.
      await consumer?.disconnect().catch(() => undefined);
      await deadLetters?.disconnect().catch(() => undefined);
    },
    stats: () => ({ ...stats }),
  };
}
