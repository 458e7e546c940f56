import { defineApi } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { array, field } from '../schema.js';
import { isValidTopicName } from '../../log/topic-store.js';
import type { BrokerState } from '../../broker-state.js';

interface MetadataRequest {
  topics: { name: string }[] | null;
  allowAutoTopicCreation?: boolean;
}

export function topicMetadata(broker: BrokerState, name: string, errorCode = ErrorCode.NONE as number) {
  const topic = broker.topics.get(name);
  const node = broker.config.nodeId;
  return {
    errorCode,
    name,
    isInternal: false,
    partitions: (topic?.partitions ?? []).map((p) => ({
      errorCode: 0,
      partitionIndex: p.index,
      leaderId: node,
      replicaNodes: [node],
      isrNodes: [node],
      offlineReplicas: [],
    })),
  };
}

export const metadataApi = defineApi({
  key: 3,
  name: 'Metadata',
  minVersion: 0,
  maxVersion: 6,
  request: [array('topics', [field('name', 'string')], undefined, { nullableFrom: 1 }), field('allowAutoTopicCreation', 'bool', '4+')],
  response: [
    field('throttleTimeMs', 'int32', '3+'),
    array('brokers', [field('nodeId', 'int32'), field('host', 'string'), field('port', 'int32'), field('rack', 'nullableString', '1+')]),
    field('clusterId', 'nullableString', '2+'),
    field('controllerId', 'int32', '1+'),
    array('topics', [
      field('errorCode', 'int16'),
      field('name', 'string'),
      field('isInternal', 'bool', '1+'),
      array('partitions', [
        field('errorCode', 'int16'),
        field('partitionIndex', 'int32'),
        field('leaderId', 'int32'),
        array('replicaNodes', 'int32'),
        array('isrNodes', 'int32'),
        array('offlineReplicas', 'int32', '5+'),
      ]),
    ]),
  ],
  handle(raw, { version, broker }) {
    const req = raw as unknown as MetadataRequest;
    // v0: an empty list means all topics; v1+: null means all and [] means none.
    const all = req.topics === null || (version === 0 && req.topics.length === 0);
    const allowCreate = broker.config.autoCreateTopics && (version < 4 || req.allowAutoTopicCreation !== false);
    const names = all ? [...broker.topics.topics.keys()] : req.topics!.map((t) => t.name);
    const topics = names.map((name) => {
      if (broker.topics.get(name)) return topicMetadata(broker, name);
      if (!isValidTopicName(name)) return topicMetadata(broker, name, ErrorCode.INVALID_TOPIC_EXCEPTION);
      if (!allowCreate) return topicMetadata(broker, name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      // Created synchronously and returned complete, so clients need no LEADER_NOT_AVAILABLE retry.
      broker.createTopic(name, broker.config.defaultPartitions, {});
      return topicMetadata(broker, name);
    });
    return {
      throttleTimeMs: 0,
      brokers: [{ nodeId: broker.config.nodeId, host: broker.config.advertisedHost, port: broker.advertisedPort, rack: null }],
      clusterId: broker.config.clusterId,
      controllerId: broker.config.nodeId,
      topics,
    };
  },
});
