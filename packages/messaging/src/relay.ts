import pg from 'pg';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { Logger, ServiceComponent } from '@rapport/service-kit';
import { keyHashPartitioner } from './kafka.js';
import { OUTBOX_CHANNEL } from './outbox.js';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** For the dedicated connection that LISTENs and holds the relay's leadership lock. */
  databaseUrl: string;
  kafka: Kafka;
  logger: Logger;
  batchSize?: number;
  /** Fallback when a notification is missed (e.g. the listening connection was down). */
  pollIntervalMs?: number;
  /** Published rows are kept this long (for inspection), then pruned. */
  retentionMs?: number;
  pruneIntervalMs?: number;
  /** Test hook: runs after Kafka acknowledged a batch and before it is marked published. */
  afterPublish?: (eventIds: string[]) => Promise<void> | void;
}

export interface OutboxRelay extends ServiceComponent {
  /** Rows written but not yet acknowledged by Kafka. */
  backlog(): Promise<number>;
}

interface PendingRow {
  seq: string;
  id: string;
  topic: string;
  message_key: string;
  envelope: string;
}

// One relay per service publishes, whatever the number of replicas: a single writer keeps
// the commit order of the outbox as the publish order.
const LEADERSHIP_LOCK = "hashtext('rapport-outbox-relay')";

/**
 * Publishes outbox rows to Kafka in commit order with an idempotent producer (acks=-1,
 * key = customer id), marks them published, and prunes old ones. It wakes on NOTIFY at
 * commit, so the delay from commit to publish is milliseconds; polling is the fallback.
 * When Kafka is down the rows wait and go out in order once it is back. A crash between
 * publishing and marking re-publishes the batch: consumers de-duplicate on the event id.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 1_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const retentionMs = options.retentionMs ?? 24 * 3600 * 1000;
  const pruneIntervalMs = options.pruneIntervalMs ?? 10 * 60 * 1000;

  let running = false;
  let loop: Promise<void> | undefined;
  let pending = true;
  let wake: (() => void) | undefined;
  let producer: Producer | undefined;
  let listener: pg.Client | undefined;
  let leader = false;
  let lastPrune = 0;
  let failingSince: number | undefined;

  const signal = () => {
    pending = true;
    wake?.();
  };

  async function connectListener(): Promise<void> {
    if (listener) return;
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'outbox-relay' });
    client.on('notification', signal);
    client.on('error', (error) => {
      log.warn({ err: error }, 'listening connection lost; polling until it is back');
      leader = false;
      listener = undefined;
      void client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    listener = client;
  }

  async function ensureLeadership(): Promise<boolean> {
    await connectListener();
    if (!leader && listener) {
      const result = await listener.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LEADERSHIP_LOCK}) AS locked`);
      leader = result.rows[0]?.locked === true;
      if (leader) log.info('relay is the publisher for this service');
    }
    return leader;
  }

  async function ensureProducer(): Promise<Producer> {
    if (producer) return producer;
    const created = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: keyHashPartitioner });
    await created.connect();
    producer = created;
    return created;
  }

  // Rows on their way: being sent, or acknowledged by Kafka with their "published" mark
  // still being written. They are excluded from the next read, which overlaps both. (A
  // cursor on seq would be wrong: a transaction that commits late can hold a lower seq.)
  const inFlight = new Set<string>();
  let markChain: Promise<void> = Promise.resolve();
  let markFailure: unknown;
  let prefetched: Promise<PendingRow[]> | undefined;

  const readPending = (): Promise<PendingRow[]> =>
    options.dataSource.query(
      `SELECT o.seq, o.id, o.topic, o.message_key, o.envelope
         FROM outbox_pending p JOIN outbox o ON o.seq = p.seq
        WHERE NOT (p.seq = ANY($2::bigint[])) ORDER BY p.seq LIMIT $1`,
      [batchSize, [...inFlight]],
    );

  function markPublished(seqs: string[]): void {
    markChain = markChain.then(async () => {
      try {
        // Off the queue and stamped in one statement. The stamp touches no indexed column, so it
        // is a HOT update: no new index entries, a small WAL record (see OutboxPendingQueue).
        await options.dataSource.query(
          `WITH dequeued AS (DELETE FROM outbox_pending WHERE seq = ANY($1::bigint[]))
           UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`,
          [seqs],
        );
      } catch (error) {
        // Unmarked rows are published again later: a duplicate, which consumers absorb.
        markFailure = error;
      } finally {
        for (const seq of seqs) inFlight.delete(seq);
      }
    });
  }

  /** Forgets work started for a batch that failed; its rows are read and sent again. */
  async function abandonInFlight(): Promise<void> {
    const pending = prefetched;
    prefetched = undefined;
    await pending?.catch(() => undefined);
    await markChain;
    inFlight.clear();
  }

  async function publishBatch(): Promise<number> {
    if (markFailure) {
      const error = markFailure;
      markFailure = undefined;
      throw error;
    }
    // Keep at most one batch's mark behind the batch being sent.
    if (inFlight.size > batchSize) await markChain;
    const rows = await (prefetched ?? readPending());
    prefetched = undefined;
    if (rows.length === 0) return 0;
    for (const row of rows) inFlight.add(row.seq);
    // A full batch means more is waiting: read it while this one is on the wire.
    if (rows.length === batchSize) prefetched = readPending();
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      // No headers: type, version and id are in the envelope, and headers cost per message.
      messages.push({ key: row.message_key, value: row.envelope });
      byTopic.set(row.topic, messages);
    }
    const connected = await ensureProducer();
    await connected.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    await options.afterPublish?.(rows.map((row) => row.id));
    markPublished(rows.map((row) => row.seq));
    return rows.length;
  }

  async function prune(): Promise<void> {
    if (Date.now() - lastPrune < pruneIntervalMs) return;
    lastPrune = Date.now();
    // Rows still queued have no published_at, so they are never pruned.
    const result = await options.dataSource.query(
      `DELETE FROM outbox WHERE published_at < now() - ($1 || ' milliseconds')::interval`,
      [String(retentionMs)],
    );
    const removed = Array.isArray(result) ? (result[1] as number | undefined) : undefined;
    if (removed) log.debug({ removed }, 'pruned published outbox rows');
  }

  async function run(): Promise<void> {
    let backoffMs = 0;
    while (running) {
      if (!pending || backoffMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoffMs || pollIntervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
        if (!running) break;
      }
      pending = false;
      try {
        if (!(await ensureLeadership())) {
          // Another replica publishes; ask again soon, so a hand-over (its stop or crash) costs
          // about a second of delay, not more.
          backoffMs = 1_000;
          continue;
        }
        const published = await publishBatch();
        if (published === batchSize) pending = true;
        if (failingSince !== undefined) {
          log.info({ downForMs: Date.now() - failingSince }, 'publishing again');
          failingSince = undefined;
        }
        backoffMs = 0;
        await prune();
      } catch (error) {
        if (failingSince === undefined) {
          failingSince = Date.now();
          log.warn({ err: error }, 'cannot publish; events stay in the outbox and go out in order once possible');
        }
        await abandonInFlight();
        // Start the next attempt on a fresh producer: its connection state may be stale.
        await producer?.disconnect().catch(() => undefined);
        producer = undefined;
        pending = true;
        backoffMs = Math.min(backoffMs === 0 ? 100 : backoffMs * 2, 5_000);
      }
    }
  }

  return {
    name: 'outbox-relay',
    async start() {
      running = true;
      pending = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await abandonInFlight();
      await markChain;
      await producer?.disconnect().catch(() => undefined);
      producer = undefined;
      if (listener) {
        // Closing the session also releases the leadership lock.
        await listener.end().catch(() => undefined);
        listener = undefined;
      }
      leader = false;
    },
    async backlog() {
      await markChain;
      const [row] = await options.dataSource.query(`SELECT count(*)::int AS n FROM outbox_pending`);
      return (row as { n: number }).n;
    },
  };
}
