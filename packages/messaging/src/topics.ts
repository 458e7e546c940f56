import topicDefinitions from '@rapport/infra/kafka/topics.json' with { type: 'json' };
import { deadLetterTopic } from '@rapport/events';
import type { Kafka } from 'kafkajs';

export interface TopicDefinition {
  name: string;
  partitions: number;
  /** -1 keeps events forever: analytics rebuilds its read models from offset 0. */
  retentionMs: number;
}

/** The one definition of topics (infra/kafka/topics.json), with the dead-letter twin of each. */
export function allTopics(): TopicDefinition[] {
  const topics = (topicDefinitions as { topics: TopicDefinition[] }).topics;
  return topics.flatMap((topic) => [topic, { ...topic, name: deadLetterTopic(topic.name) }]);
}

/**
 * Creates missing topics with their partition counts; existing ones are left as they are.
 * Run on start by every service, against the development broker and Apache Kafka alike.
 */
export async function ensureTopics(kafka: Kafka, topics: TopicDefinition[] = allTopics()): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        configEntries: [{ name: 'retention.ms', value: String(topic.retentionMs) }],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
