import { defineApi } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { array, field } from '../schema.js';

export const describeGroupsApi = defineApi({
  key: 15,
  name: 'DescribeGroups',
  minVersion: 0,
  maxVersion: 2,
  request: [array('groups', 'string')],
  response: [
    field('throttleTimeMs', 'int32', '1+'),
    array('groups', [
      field('errorCode', 'int16'),
      field('groupId', 'string'),
      field('groupState', 'string'),
      field('protocolType', 'string'),
      field('protocolData', 'string'),
      array('members', [
        field('memberId', 'string'),
        field('clientId', 'string'),
        field('clientHost', 'string'),
        field('memberMetadata', 'bytes'),
        field('memberAssignment', 'bytes'),
      ]),
    ]),
  ],
  handle(raw, { broker }) {
    const { groups } = raw as unknown as { groups: string[] };
    return {
      throttleTimeMs: 0,
      groups: groups.map((groupId) => {
        // Unknown groups are reported as Dead without an error, which admin offset resets rely on.
        const d = broker.groups.describe(groupId);
        return {
          errorCode: 0,
          groupId,
          groupState: d.state,
          protocolType: d.protocolType,
          protocolData: d.protocolName,
          members: d.members.map((m) => ({
            memberId: m.memberId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            memberMetadata: m.metadata,
            memberAssignment: m.assignment,
          })),
        };
      }),
    };
  },
});

export const listGroupsApi = defineApi({
  key: 16,
  name: 'ListGroups',
  minVersion: 0,
  maxVersion: 2,
  request: [],
  response: [
    field('throttleTimeMs', 'int32', '1+'),
    field('errorCode', 'int16'),
    array('groups', [field('groupId', 'string'), field('protocolType', 'string')]),
  ],
  handle(_raw, { broker }) {
    const ids = new Set([...broker.groups.groups.keys(), ...broker.offsets.groups.keys()]);
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      groups: [...ids].map((groupId) => ({ groupId, protocolType: broker.groups.groups.get(groupId)?.protocolType ?? '' })),
    };
  },
});

export const deleteGroupsApi = defineApi({
  key: 42,
  name: 'DeleteGroups',
  minVersion: 0,
  maxVersion: 1,
  request: [array('groupsNames', 'string')],
  response: [field('throttleTimeMs', 'int32'), array('results', [field('groupId', 'string'), field('errorCode', 'int16')])],
  handle(raw, { broker }) {
    const { groupsNames } = raw as unknown as { groupsNames: string[] };
    return {
      throttleTimeMs: 0,
      results: groupsNames.map((groupId) => {
        const hasOffsets = broker.offsets.get(groupId) !== undefined;
        const errorCode = broker.groups.deleteGroup(groupId, hasOffsets);
        if (errorCode === ErrorCode.NONE && hasOffsets) broker.offsets.deleteGroup(groupId);
        return { groupId, errorCode };
      }),
    };
  },
});
