import { defineApi } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { array, field } from '../schema.js';
import { OffsetStore } from '../../log/offset-store.js';

interface OffsetCommitRequest {
  groupId: string;
  generationIdOrMemberEpoch?: number;
  memberId?: string;
  topics: { name: string; partitions: { partitionIndex: number; committedOffset: bigint; committedMetadata: string | null }[] }[];
}

const MAX_METADATA = 4096;

export const offsetCommitApi = defineApi({
  key: 8,
  name: 'OffsetCommit',
  minVersion: 0,
  maxVersion: 5,
  request: [
    field('groupId', 'string'),
    field('generationIdOrMemberEpoch', 'int32', '1+'),
    field('memberId', 'string', '1+'),
    field('retentionTimeMs', 'int64', '2-4'),
    array('topics', [
      field('name', 'string'),
      array('partitions', [
        field('partitionIndex', 'int32'),
        field('committedOffset', 'int64'),
        field('commitTimestamp', 'int64', '1'),
        field('committedMetadata', 'nullableString'),
      ]),
    ]),
  ],
  response: [
    field('throttleTimeMs', 'int32', '3+'),
    array('topics', [field('name', 'string'), array('partitions', [field('partitionIndex', 'int32'), field('errorCode', 'int16')])]),
  ],
  handle(raw, { broker }) {
    const req = raw as unknown as OffsetCommitRequest;
    const generation = req.generationIdOrMemberEpoch ?? -1;
    const groupError = req.groupId === '' ? ErrorCode.INVALID_GROUP_ID : broker.groups.checkCommit(req.groupId, generation, req.memberId ?? '');
    const accepted: { topic: string; partition: number; offset: bigint; metadata: string | null }[] = [];
    const topics = req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        let errorCode: number = groupError;
        if (errorCode === ErrorCode.NONE && !broker.topics.partition(t.name, p.partitionIndex)) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        if (errorCode === ErrorCode.NONE && (p.committedMetadata?.length ?? 0) > MAX_METADATA) errorCode = 12;
        // Negative offsets are stored verbatim: kafkajs commits -1/-2 to mean "resolve again".
        if (errorCode === ErrorCode.NONE) {
          accepted.push({ topic: t.name, partition: p.partitionIndex, offset: p.committedOffset, metadata: p.committedMetadata });
        }
        return { partitionIndex: p.partitionIndex, errorCode };
      }),
    }));
    if (accepted.length > 0) {
      broker.groups.ensureGroup(req.groupId);
      broker.offsets.commit(req.groupId, accepted);
    }
    return { throttleTimeMs: 0, topics };
  },
});

interface OffsetFetchRequest {
  groupId: string;
  topics: { name: string; partitionIndexes: number[] }[] | null;
}

export const offsetFetchApi = defineApi({
  key: 9,
  name: 'OffsetFetch',
  minVersion: 1,
  maxVersion: 5,
  request: [field('groupId', 'string'), array('topics', [field('name', 'string'), array('partitionIndexes', 'int32')], undefined, { nullableFrom: 2 })],
  response: [
    field('throttleTimeMs', 'int32', '3+'),
    array('topics', [
      field('name', 'string'),
      array('partitions', [
        field('partitionIndex', 'int32'),
        field('committedOffset', 'int64'),
        field('committedLeaderEpoch', 'int32', '5+'),
        field('metadata', 'nullableString'),
        field('errorCode', 'int16'),
      ]),
    ]),
    field('errorCode', 'int16', '2+'),
  ],
  handle(raw, { broker }) {
    const req = raw as unknown as OffsetFetchRequest;
    const committed = broker.offsets.get(req.groupId);
    let requested = req.topics;
    if (requested === null) {
      // null = every partition this group has committed.
      const byTopic = new Map<string, number[]>();
      for (const key of committed?.keys() ?? []) {
        const i = key.indexOf(':');
        const topic = key.slice(i + 1);
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), Number(key.slice(0, i))]);
      }
      requested = [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes }));
    }
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      topics: requested.map((t) => ({
        name: t.name,
        partitions: t.partitionIndexes.map((p) => {
          const c = committed?.get(OffsetStore.key(t.name, p));
          // "No commit" is offset -1 with error 0: clients fail the whole call on any partition error.
          return { partitionIndex: p, committedOffset: c?.offset ?? -1n, committedLeaderEpoch: -1, metadata: c?.metadata ?? '', errorCode: 0 };
        }),
      })),
    };
  },
});
