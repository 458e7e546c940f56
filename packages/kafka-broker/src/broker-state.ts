import type { Logger } from 'pino';
import type { GroupCoordinator } from './group/coordinator.js';
import type { OffsetStore } from './log/offset-store.js';
import type { TopicStore } from './log/topic-store.js';

export interface ResolvedConfig {
  nodeId: number;
  clusterId: string;
  host: string;
  advertisedHost: string;
  autoCreateTopics: boolean;
  defaultPartitions: number;
  fsync: boolean;
  maxRequestBytes: number;
  verifyCrc: boolean;
}

/** Everything a request handler may touch. */
export interface BrokerState {
  readonly config: ResolvedConfig;
  readonly topics: TopicStore;
  readonly groups: GroupCoordinator;
  readonly offsets: OffsetStore;
  readonly logger: Logger;
  /** Port clients should dial (known only after listen). */
  advertisedPort: number;
  nextProducerId(): bigint;
  createTopic(name: string, partitions: number, configs: Record<string, string>): void;
  deleteTopic(name: string): boolean;
}
