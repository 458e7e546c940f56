import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { FlushScheduler } from './flush-scheduler.js';
import { PartitionLog } from './partition-log.js';
import { ProducerStateTable } from './producer-state.js';

export interface Partition {
  readonly index: number;
  readonly log: PartitionLog;
  readonly producers: ProducerStateTable;
}

export interface Topic {
  readonly name: string;
  readonly partitions: Partition[];
  configs: Record<string, string>;
}

export interface TopicStoreOptions {
  dataDir: string;
  segmentBytes: number;
  cacheBytes: number;
  logger: Logger;
}

/** Defaults reported by DescribeConfigs and used for retention when a topic sets nothing. */
export const TOPIC_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  'cleanup.policy': 'delete',
  'retention.ms': '604800000',
  'retention.bytes': '-1',
  'max.message.bytes': '1048588',
  'message.timestamp.type': 'CreateTime',
};

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export function isValidTopicName(name: string): boolean {
  return TOPIC_NAME.test(name) && name !== '.' && name !== '..';
}

interface PersistedTopics {
  topics: { name: string; partitions: number; configs: Record<string, string> }[];
}

/** Topic metadata (persisted as one small JSON file, replaced atomically) and the partition logs. */
export class TopicStore {
  readonly topics = new Map<string, Topic>();
  readonly flusher = new FlushScheduler();
  private readonly metaPath: string;
  private readonly logsDir: string;

  constructor(private readonly opts: TopicStoreOptions) {
    mkdirSync(opts.dataDir, { recursive: true });
    this.metaPath = join(opts.dataDir, 'topics.json');
    this.logsDir = join(opts.dataDir, 'logs');
    mkdirSync(this.logsDir, { recursive: true });
  }

  load(): void {
    if (!existsSync(this.metaPath)) return;
    const persisted = JSON.parse(readFileSync(this.metaPath, 'utf8')) as PersistedTopics;
    for (const t of persisted.topics) {
      const topic: Topic = { name: t.name, partitions: [], configs: t.configs };
      for (let p = 0; p < t.partitions; p++) topic.partitions.push(this.openPartition(t.name, p));
      this.topics.set(t.name, topic);
    }
  }

  private openPartition(topic: string, index: number): Partition {
    const segmentBytes = this.segmentBytesFor(topic);
    const { log, truncatedBytes } = PartitionLog.open(join(this.logsDir, `${topic}-${index}`), {
      segmentBytes,
      cacheBytes: this.opts.cacheBytes,
      flusher: this.flusher,
    });
    if (truncatedBytes > 0) {
      this.opts.logger.warn({ topic, partition: index, truncatedBytes }, 'truncated torn or corrupt tail of partition log');
    }
    return { index, log, producers: new ProducerStateTable() };
  }

  private segmentBytesFor(topic: string): number {
    const configured = Number(this.topics.get(topic)?.configs['segment.bytes']);
    return Number.isFinite(configured) && configured > 0 ? configured : this.opts.segmentBytes;
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  partition(topic: string, index: number): Partition | undefined {
    return this.topics.get(topic)?.partitions[index];
  }

  create(name: string, partitions: number, configs: Record<string, string>): Topic {
    const topic: Topic = { name, partitions: [], configs };
    this.topics.set(name, topic);
    for (let p = 0; p < partitions; p++) {
      // A leftover directory would resurrect records of an earlier topic with the same name.
      rmSync(join(this.logsDir, `${name}-${p}`), { recursive: true, force: true });
      topic.partitions.push(this.openPartition(name, p));
    }
    this.persist();
    return topic;
  }

  addPartitions(topic: Topic, count: number): void {
    for (let p = topic.partitions.length; p < count; p++) {
      rmSync(join(this.logsDir, `${topic.name}-${p}`), { recursive: true, force: true });
      topic.partitions.push(this.openPartition(topic.name, p));
    }
    this.persist();
  }

  setConfigs(topic: Topic, configs: Record<string, string>): void {
    topic.configs = configs;
    this.persist();
  }

  delete(name: string): boolean {
    const topic = this.topics.get(name);
    if (!topic) return false;
    this.topics.delete(name);
    this.persist();
    for (const p of topic.partitions) {
      p.log.destroy();
      p.log.wake();
    }
    return true;
  }

  configValue(topic: Topic, key: string): string | undefined {
    return topic.configs[key] ?? TOPIC_CONFIG_DEFAULTS[key];
  }

  applyRetention(now = Date.now()): void {
    for (const topic of this.topics.values()) {
      const ms = Number(this.configValue(topic, 'retention.ms') ?? -1);
      const bytes = Number(this.configValue(topic, 'retention.bytes') ?? -1);
      for (const p of topic.partitions) {
        const deleted = p.log.applyRetention(ms, bytes, now);
        if (deleted > 0) {
          this.opts.logger.info(
            { topic: topic.name, partition: p.index, deleted, logStartOffset: p.log.logStartOffset },
            'retention deleted segments',
          );
        }
      }
    }
  }

  private persist(): void {
    const data: PersistedTopics = {
      topics: [...this.topics.values()].map((t) => ({ name: t.name, partitions: t.partitions.length, configs: t.configs })),
    };
    const tmp = `${this.metaPath}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 1));
    renameSync(tmp, this.metaPath);
  }

  /** Resolves once every appended byte has been handed to the OS (a failed write is reported by produce, not here). */
  async whenWritten(): Promise<void> {
    const all = [];
    for (const t of this.topics.values()) for (const p of t.partitions) all.push(p.log.whenWritten().catch(() => {}));
    await Promise.all(all);
  }

  close(): void {
    for (const t of this.topics.values()) for (const p of t.partitions) p.log.close();
  }
}
