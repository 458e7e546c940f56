import { defineApi } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { array, field } from '../schema.js';
import { isValidTopicName } from '../../log/topic-store.js';

interface CreateTopicsRequest {
  topics: {
    name: string;
    numPartitions: number;
    replicationFactor: number;
    assignments: { partitionIndex: number; brokerIds: number[] }[];
    configs: { name: string; value: string | null }[];
  }[];
  validateOnly?: boolean;
}

export const createTopicsApi = defineApi({
  key: 19,
  name: 'CreateTopics',
  minVersion: 0,
  maxVersion: 4,
  request: [
    array('topics', [
      field('name', 'string'),
      field('numPartitions', 'int32'),
      field('replicationFactor', 'int16'),
      array('assignments', [field('partitionIndex', 'int32'), array('brokerIds', 'int32')]),
      array('configs', [field('name', 'string'), field('value', 'nullableString')]),
    ]),
    field('timeoutMs', 'int32'),
    field('validateOnly', 'bool', '1+'),
  ],
  response: [
    field('throttleTimeMs', 'int32', '2+'),
    array('topics', [field('name', 'string'), field('errorCode', 'int16'), field('errorMessage', 'nullableString', '1+')]),
  ],
  handle(raw, { broker }) {
    const req = raw as unknown as CreateTopicsRequest;
    const topics = req.topics.map((t) => {
      const fail = (errorCode: number, errorMessage: string) => ({ name: t.name, errorCode, errorMessage });
      if (!isValidTopicName(t.name)) return fail(ErrorCode.INVALID_TOPIC_EXCEPTION, `invalid topic name '${t.name}'`);
      if (broker.topics.get(t.name)) return fail(ErrorCode.TOPIC_ALREADY_EXISTS, `topic '${t.name}' already exists`);
      let partitions = t.numPartitions;
      if (partitions === -1) partitions = t.assignments.length > 0 ? t.assignments.length : broker.config.defaultPartitions;
      if (partitions <= 0) return fail(ErrorCode.INVALID_PARTITIONS, 'number of partitions must be positive');
      if (t.replicationFactor === 0 || t.replicationFactor < -1) {
        return fail(ErrorCode.INVALID_REPLICATION_FACTOR, 'replication factor must be positive');
      }
      if (t.replicationFactor > 1) {
        // Lenient on purpose: service configs written for a real cluster should work locally.
        broker.logger.info({ topic: t.name, replicationFactor: t.replicationFactor }, 'single-node broker stores one replica');
      }
      if (!req.validateOnly) {
        const configs: Record<string, string> = {};
        for (const c of t.configs) if (c.value !== null) configs[c.name] = c.value;
        broker.createTopic(t.name, partitions, configs);
      }
      return { name: t.name, errorCode: 0, errorMessage: null };
    });
    return { throttleTimeMs: 0, topics };
  },
});

interface DeleteTopicsRequest {
  topicNames: string[];
}

export const deleteTopicsApi = defineApi({
  key: 20,
  name: 'DeleteTopics',
  minVersion: 0,
  maxVersion: 1,
  request: [array('topicNames', 'string'), field('timeoutMs', 'int32')],
  response: [field('throttleTimeMs', 'int32', '1+'), array('responses', [field('name', 'string'), field('errorCode', 'int16')])],
  handle(raw, { broker }) {
    const req = raw as unknown as DeleteTopicsRequest;
    return {
      throttleTimeMs: 0,
      responses: req.topicNames.map((name) => ({
        name,
        errorCode: broker.deleteTopic(name) ? 0 : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      })),
    };
  },
});

interface CreatePartitionsRequest {
  topics: { name: string; count: number }[];
  validateOnly: boolean;
}

export const createPartitionsApi = defineApi({
  key: 37,
  name: 'CreatePartitions',
  minVersion: 0,
  maxVersion: 1,
  request: [
    array('topics', [field('name', 'string'), field('count', 'int32'), array('assignments', [array('brokerIds', 'int32')], undefined, { nullableFrom: 0 })]),
    field('timeoutMs', 'int32'),
    field('validateOnly', 'bool'),
  ],
  response: [
    field('throttleTimeMs', 'int32'),
    array('results', [field('name', 'string'), field('errorCode', 'int16'), field('errorMessage', 'nullableString')]),
  ],
  handle(raw, { broker }) {
    const req = raw as unknown as CreatePartitionsRequest;
    return {
      throttleTimeMs: 0,
      results: req.topics.map((t) => {
        const topic = broker.topics.get(t.name);
        if (!topic) return { name: t.name, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: 'unknown topic' };
        if (t.count <= topic.partitions.length) {
          return {
            name: t.name,
            errorCode: ErrorCode.INVALID_PARTITIONS,
            errorMessage: `topic already has ${topic.partitions.length} partitions`,
          };
        }
        if (!req.validateOnly) broker.topics.addPartitions(topic, t.count);
        return { name: t.name, errorCode: 0, errorMessage: null };
      }),
    };
  },
});

interface DeleteRecordsRequest {
  topics: { name: string; partitions: { partitionIndex: number; offset: bigint }[] }[];
}

export const deleteRecordsApi = defineApi({
  key: 21,
  name: 'DeleteRecords',
  minVersion: 0,
  maxVersion: 1,
  request: [
    array('topics', [field('name', 'string'), array('partitions', [field('partitionIndex', 'int32'), field('offset', 'int64')])]),
    field('timeoutMs', 'int32'),
  ],
  response: [
    field('throttleTimeMs', 'int32'),
    array('topics', [
      field('name', 'string'),
      array('partitions', [field('partitionIndex', 'int32'), field('lowWatermark', 'int64'), field('errorCode', 'int16')]),
    ]),
  ],
  handle(raw, { broker }) {
    const req = raw as unknown as DeleteRecordsRequest;
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          const partition = broker.topics.partition(t.name, p.partitionIndex);
          if (!partition) return { partitionIndex: p.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
          const log = partition.log;
          // -1 means "up to the high watermark".
          const target = p.offset === -1n ? log.nextOffset : Number(p.offset);
          if (target < 0 || target > log.nextOffset) {
            return { partitionIndex: p.partitionIndex, lowWatermark: BigInt(log.logStartOffset), errorCode: ErrorCode.OFFSET_OUT_OF_RANGE };
          }
          log.advanceLogStart(target);
          return { partitionIndex: p.partitionIndex, lowWatermark: BigInt(log.logStartOffset), errorCode: 0 };
        }),
      })),
    };
  },
});
