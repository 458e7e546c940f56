import type { ApiDefinition } from './api.js';
import { API_VERSIONS_KEY, API_VERSIONS_MAX, type AdvertisedApi } from './apis/api-versions.js';
import { alterConfigsApi, describeConfigsApi } from './apis/configs.js';
import { fetchApi } from './apis/fetch.js';
import { deleteGroupsApi, describeGroupsApi, listGroupsApi } from './apis/group-admin.js';
import { findCoordinatorApi, heartbeatApi, joinGroupApi, leaveGroupApi, syncGroupApi } from './apis/group-membership.js';
import { initProducerIdApi } from './apis/init-producer-id.js';
import { listOffsetsApi } from './apis/list-offsets.js';
import { metadataApi } from './apis/metadata.js';
import { offsetCommitApi, offsetFetchApi } from './apis/offsets.js';
import { produceApi } from './apis/produce.js';
import { createPartitionsApi, createTopicsApi, deleteRecordsApi, deleteTopicsApi } from './apis/topics-admin.js';

export const APIS: readonly ApiDefinition[] = [
  produceApi,
  fetchApi,
  listOffsetsApi,
  metadataApi,
  offsetCommitApi,
  offsetFetchApi,
  findCoordinatorApi,
  joinGroupApi,
  heartbeatApi,
  leaveGroupApi,
  syncGroupApi,
  describeGroupsApi,
  listGroupsApi,
  createTopicsApi,
  deleteTopicsApi,
  deleteRecordsApi,
  initProducerIdApi,
  describeConfigsApi,
  alterConfigsApi,
  createPartitionsApi,
  deleteGroupsApi,
];

export const API_BY_KEY: ReadonlyMap<number, ApiDefinition> = new Map(APIS.map((a) => [a.key, a]));

/** What ApiVersions advertises: exactly the implemented ranges, nothing more. */
export const ADVERTISED_APIS: readonly AdvertisedApi[] = [
  ...APIS.map((a) => ({ key: a.key, minVersion: a.minVersion, maxVersion: a.maxVersion })),
  { key: API_VERSIONS_KEY, minVersion: 0, maxVersion: API_VERSIONS_MAX },
].sort((a, b) => a.key - b.key);
