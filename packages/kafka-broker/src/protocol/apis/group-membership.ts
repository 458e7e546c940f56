import { defineApi } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { array, field } from '../schema.js';

export const findCoordinatorApi = defineApi({
  key: 10,
  name: 'FindCoordinator',
  minVersion: 0,
  maxVersion: 2,
  request: [field('key', 'string'), field('keyType', 'int8', '1+')],
  response: [
    field('throttleTimeMs', 'int32', '1+'),
    field('errorCode', 'int16'),
    field('errorMessage', 'nullableString', '1+'),
    field('nodeId', 'int32'),
    field('host', 'string'),
    field('port', 'int32'),
  ],
  handle(_raw, { broker }) {
    // One node coordinates every group and transactional id.
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      nodeId: broker.config.nodeId,
      host: broker.config.advertisedHost,
      port: broker.advertisedPort,
    };
  },
});

interface JoinGroupRequest {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs?: number;
  memberId: string;
  groupInstanceId?: string | null;
  protocolType: string;
  protocols: { name: string; metadata: Buffer }[];
}

export const joinGroupApi = defineApi({
  key: 11,
  name: 'JoinGroup',
  minVersion: 0,
  maxVersion: 5,
  request: [
    field('groupId', 'string'),
    field('sessionTimeoutMs', 'int32'),
    field('rebalanceTimeoutMs', 'int32', '1+'),
    field('memberId', 'string'),
    field('groupInstanceId', 'nullableString', '5+'),
    field('protocolType', 'string'),
    array('protocols', [field('name', 'string'), field('metadata', 'bytes')]),
  ],
  response: [
    field('throttleTimeMs', 'int32', '2+'),
    field('errorCode', 'int16'),
    field('generationId', 'int32'),
    field('protocolName', 'string'),
    field('leader', 'string'),
    field('memberId', 'string'),
    array('members', [field('memberId', 'string'), field('groupInstanceId', 'nullableString', '5+'), field('metadata', 'bytes')]),
  ],
  async handle(raw, { broker, clientId, clientHost, signal }) {
    const req = raw as unknown as JoinGroupRequest;
    const result = await broker.groups.join(
      {
        groupId: req.groupId,
        memberId: req.memberId,
        groupInstanceId: req.groupInstanceId ?? null,
        clientId,
        clientHost,
        sessionTimeoutMs: req.sessionTimeoutMs,
        // v0 has no rebalance timeout; Kafka uses the session timeout in its place.
        rebalanceTimeoutMs: req.rebalanceTimeoutMs ?? req.sessionTimeoutMs,
        protocolType: req.protocolType,
        protocols: req.protocols,
      },
      (cancel) => signal.addEventListener('abort', cancel, { once: true }),
    );
    return { throttleTimeMs: 0, ...result };
  },
});

interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  assignments: { memberId: string; assignment: Buffer }[];
}

export const syncGroupApi = defineApi({
  key: 14,
  name: 'SyncGroup',
  minVersion: 0,
  maxVersion: 3,
  request: [
    field('groupId', 'string'),
    field('generationId', 'int32'),
    field('memberId', 'string'),
    field('groupInstanceId', 'nullableString', '3+'),
    array('assignments', [field('memberId', 'string'), field('assignment', 'bytes')]),
  ],
  response: [field('throttleTimeMs', 'int32', '1+'), field('errorCode', 'int16'), field('assignment', 'bytes')],
  async handle(raw, { broker }) {
    const req = raw as unknown as SyncGroupRequest;
    const result = await broker.groups.sync(req.groupId, req.generationId, req.memberId, req.assignments);
    return { throttleTimeMs: 0, ...result };
  },
});

interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
}

export const heartbeatApi = defineApi({
  key: 12,
  name: 'Heartbeat',
  minVersion: 0,
  maxVersion: 3,
  request: [field('groupId', 'string'), field('generationId', 'int32'), field('memberId', 'string'), field('groupInstanceId', 'nullableString', '3+')],
  response: [field('throttleTimeMs', 'int32', '1+'), field('errorCode', 'int16')],
  handle(raw, { broker }) {
    const req = raw as unknown as HeartbeatRequest;
    return { throttleTimeMs: 0, errorCode: broker.groups.heartbeat(req.groupId, req.generationId, req.memberId) };
  },
});

interface LeaveGroupRequest {
  groupId: string;
  memberId?: string;
  members?: { memberId: string; groupInstanceId: string | null }[];
}

export const leaveGroupApi = defineApi({
  key: 13,
  name: 'LeaveGroup',
  minVersion: 0,
  maxVersion: 3,
  request: [
    field('groupId', 'string'),
    field('memberId', 'string', '0-2'),
    array('members', [field('memberId', 'string'), field('groupInstanceId', 'nullableString')], '3+'),
  ],
  response: [
    field('throttleTimeMs', 'int32', '1+'),
    field('errorCode', 'int16'),
    array('members', [field('memberId', 'string'), field('groupInstanceId', 'nullableString'), field('errorCode', 'int16')], '3+'),
  ],
  handle(raw, { broker, version }) {
    const req = raw as unknown as LeaveGroupRequest;
    if (version < 3) return { throttleTimeMs: 0, errorCode: broker.groups.leave(req.groupId, req.memberId ?? '') };
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      members: (req.members ?? []).map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        errorCode: broker.groups.leave(req.groupId, m.memberId),
      })),
    };
  },
});
