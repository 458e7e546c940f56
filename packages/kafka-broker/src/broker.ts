import { mkdirSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { pino, type Logger } from 'pino';
import type { BrokerState, ResolvedConfig } from './broker-state.js';
import { Connection } from './connection.js';
import { GroupCoordinator } from './group/coordinator.js';
import { OffsetStore } from './log/offset-store.js';
import { TopicStore } from './log/topic-store.js';

export interface BrokerOptions {
  /** TCP port; 0 picks a free one (tests). */
  port?: number;
  /** Listen address, 127.0.0.1 by default. */
  host?: string;
  /** Address put in Metadata/FindCoordinator; defaults to the listen host (127.0.0.1 for wildcard listens). */
  advertisedHost?: string;
  dataDir: string;
  nodeId?: number;
  autoCreateTopics?: boolean;
  defaultPartitions?: number;
  /** fdatasync before acknowledging each produce request (group-committed). Default true. */
  fsync?: boolean;
  /** Background flush period when `fsync` is false. */
  flushIntervalMs?: number;
  maxRequestBytes?: number;
  segmentBytes?: number;
  /** Recently written bytes kept in memory per partition for tailing consumers. */
  cacheBytesPerPartition?: number;
  retentionCheckIntervalMs?: number;
  minSessionTimeoutMs?: number;
  maxSessionTimeoutMs?: number;
  initialRebalanceDelayMs?: number;
  /** Skip CRC verification of produced batches (benchmarks only). */
  verifyCrc?: boolean;
  logger?: Logger;
  logLevel?: string;
}

export interface RunningBroker {
  readonly port: number;
  readonly host: string;
  /** Graceful: closes client connections, flushes and closes files. */
  stop(): Promise<void>;
  /** Closes sockets and files without a final flush (simulates losing the process for in-process tests). */
  kill(): Promise<void>;
}

function defaultLogger(level: string | undefined): Logger {
  const inTests = process.env.NODE_TEST_CONTEXT !== undefined;
  return pino({ name: 'rapport-kafka', level: level ?? process.env.RAPPORT_KAFKA_LOG_LEVEL ?? (inTests ? 'warn' : 'info') });
}

export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const logger = options.logger ?? defaultLogger(options.logLevel);
  const host = options.host ?? '127.0.0.1';
  const config: ResolvedConfig = {
    nodeId: options.nodeId ?? 1,
    clusterId: 'rapport-dev-cluster',
    host,
    advertisedHost: options.advertisedHost ?? (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host),
    autoCreateTopics: options.autoCreateTopics ?? true,
    defaultPartitions: options.defaultPartitions ?? 1,
    fsync: options.fsync ?? true,
    maxRequestBytes: options.maxRequestBytes ?? 100 * 1024 * 1024,
    verifyCrc: options.verifyCrc ?? true,
  };
  mkdirSync(options.dataDir, { recursive: true });
  const topics = new TopicStore({
    dataDir: options.dataDir,
    segmentBytes: options.segmentBytes ?? 64 * 1024 * 1024,
    cacheBytes: options.cacheBytesPerPartition ?? 8 * 1024 * 1024,
    logger,
  });
  topics.load();
  const offsets = new OffsetStore(options.dataDir);
  const groups = new GroupCoordinator({
    minSessionTimeoutMs: options.minSessionTimeoutMs ?? 6000,
    maxSessionTimeoutMs: options.maxSessionTimeoutMs ?? 1_800_000,
    initialRebalanceDelayMs: options.initialRebalanceDelayMs ?? 0,
    logger,
  });
  // Offset-only groups survive restarts so ListGroups/DescribeGroups still know them.
  for (const id of offsets.groups.keys()) groups.ensureGroup(id);

  // Producer ids are time-based so they never repeat across restarts on the same data directory.
  let producerSeq = 0n;
  const producerBase = BigInt(Date.now()) * 1000n;

  const state: BrokerState = {
    config,
    topics,
    groups,
    offsets,
    logger,
    advertisedPort: 0,
    nextProducerId: () => producerBase + producerSeq++,
    createTopic(name, partitions, configs) {
      topics.create(name, partitions, configs);
      logger.info({ topic: name, partitions }, 'topic created');
    },
    deleteTopic(name) {
      if (!topics.delete(name)) return false;
      offsets.deleteTopic(name);
      logger.info({ topic: name }, 'topic deleted');
      return true;
    },
  };

  const connections = new Set<Connection>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const conn = new Connection(socket, state, logger);
    connections.add(conn);
    socket.on('close', () => {
      sockets.delete(socket);
      connections.delete(conn);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9092, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 9092);
  state.advertisedPort = port;

  const timers: NodeJS.Timeout[] = [];
  timers.push(setInterval(() => topics.applyRetention(), options.retentionCheckIntervalMs ?? 30_000));
  if (!config.fsync) {
    timers.push(
      setInterval(() => {
        topics.flusher.markDirty(offsets.fileDescriptor);
        topics.flusher.flush().catch((err: unknown) => logger.error({ err }, 'background flush failed'));
      }, options.flushIntervalMs ?? 1000),
    );
  }
  for (const t of timers) t.unref();
  logger.info({ host, port, advertisedHost: config.advertisedHost, dataDir: options.dataDir, fsync: config.fsync }, 'kafka broker listening');

  let stopped = false;
  async function shutdown(graceful: boolean): Promise<void> {
    if (stopped) return;
    stopped = true;
    for (const t of timers) clearInterval(t);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const c of connections) c.close();
    for (const s of sockets) s.destroy();
    await closed;
    groups.close();
    // Even a kill leaves appended bytes in the OS, as a crashed process would have written them.
    await topics.whenWritten();
    if (graceful) {
      topics.flusher.markDirty(offsets.fileDescriptor);
      await topics.flusher.flush();
    }
    topics.close();
    offsets.close();
    logger.info({ port }, 'kafka broker stopped');
  }

  return {
    port,
    host: config.advertisedHost,
    stop: () => shutdown(true),
    kill: () => shutdown(false),
  };
}
