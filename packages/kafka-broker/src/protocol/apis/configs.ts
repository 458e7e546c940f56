import { defineApi } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { array, field } from '../schema.js';
import { TOPIC_CONFIG_DEFAULTS } from '../../log/topic-store.js';

const RESOURCE_TOPIC = 2;
const RESOURCE_BROKER = 4;
const SOURCE_DYNAMIC_TOPIC = 1;
const SOURCE_DEFAULT = 5;

interface DescribeConfigsRequest {
  resources: { resourceType: number; resourceName: string; configurationKeys: string[] | null }[];
}

export const describeConfigsApi = defineApi({
  key: 32,
  name: 'DescribeConfigs',
  minVersion: 0,
  maxVersion: 2,
  request: [
    array('resources', [
      field('resourceType', 'int8'),
      field('resourceName', 'string'),
      array('configurationKeys', 'string', undefined, { nullableFrom: 0 }),
    ]),
    field('includeSynonyms', 'bool', '1+'),
  ],
  response: [
    field('throttleTimeMs', 'int32'),
    array('results', [
      field('errorCode', 'int16'),
      field('errorMessage', 'nullableString'),
      field('resourceType', 'int8'),
      field('resourceName', 'string'),
      array('configs', [
        field('name', 'string'),
        field('value', 'nullableString'),
        field('readOnly', 'bool'),
        field('isDefault', 'bool', '0'),
        field('configSource', 'int8', '1+'),
        field('isSensitive', 'bool'),
        array('synonyms', [field('name', 'string'), field('value', 'nullableString'), field('source', 'int8')], '1+'),
      ]),
    ]),
  ],
  handle(raw, { broker }) {
    const req = raw as unknown as DescribeConfigsRequest;
    return {
      throttleTimeMs: 0,
      results: req.resources.map((r) => {
        const base = { resourceType: r.resourceType, resourceName: r.resourceName };
        let entries: { name: string; value: string; isDefault: boolean }[];
        if (r.resourceType === RESOURCE_TOPIC) {
          const topic = broker.topics.get(r.resourceName);
          if (!topic) return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: 'unknown topic', configs: [] };
          const names = new Set([...Object.keys(TOPIC_CONFIG_DEFAULTS), ...Object.keys(topic.configs)]);
          entries = [...names].map((name) => ({
            name,
            value: topic.configs[name] ?? TOPIC_CONFIG_DEFAULTS[name]!,
            isDefault: topic.configs[name] === undefined,
          }));
        } else if (r.resourceType === RESOURCE_BROKER) {
          entries = [
            { name: 'auto.create.topics.enable', value: String(broker.config.autoCreateTopics), isDefault: false },
            { name: 'num.partitions', value: String(broker.config.defaultPartitions), isDefault: false },
          ];
        } else {
          return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'unsupported resource type', configs: [] };
        }
        const wanted = r.configurationKeys;
        return {
          ...base,
          errorCode: 0,
          errorMessage: null,
          configs: entries
            .filter((e) => wanted === null || wanted.length === 0 || wanted.includes(e.name))
            .map((e) => ({
              name: e.name,
              value: e.value,
              readOnly: r.resourceType === RESOURCE_BROKER,
              isDefault: e.isDefault,
              configSource: e.isDefault ? SOURCE_DEFAULT : SOURCE_DYNAMIC_TOPIC,
              isSensitive: false,
              synonyms: [],
            })),
        };
      }),
    };
  },
});

interface AlterConfigsRequest {
  resources: { resourceType: number; resourceName: string; configs: { name: string; value: string | null }[] }[];
  validateOnly: boolean;
}

export const alterConfigsApi = defineApi({
  key: 33,
  name: 'AlterConfigs',
  minVersion: 0,
  maxVersion: 1,
  request: [
    array('resources', [
      field('resourceType', 'int8'),
      field('resourceName', 'string'),
      array('configs', [field('name', 'string'), field('value', 'nullableString')]),
    ]),
    field('validateOnly', 'bool'),
  ],
  response: [
    field('throttleTimeMs', 'int32'),
    array('responses', [field('errorCode', 'int16'), field('errorMessage', 'nullableString'), field('resourceType', 'int8'), field('resourceName', 'string')]),
  ],
  handle(raw, { broker }) {
    const req = raw as unknown as AlterConfigsRequest;
    return {
      throttleTimeMs: 0,
      responses: req.resources.map((r) => {
        const base = { resourceType: r.resourceType, resourceName: r.resourceName };
        if (r.resourceType !== RESOURCE_TOPIC) {
          return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'only topic configs can be altered' };
        }
        const topic = broker.topics.get(r.resourceName);
        if (!topic) return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: 'unknown topic' };
        // AlterConfigs (unlike IncrementalAlterConfigs) replaces the whole set of overrides.
        const configs: Record<string, string> = {};
        for (const c of r.configs) if (c.value !== null) configs[c.name] = c.value;
        if (!req.validateOnly) broker.topics.setConfigs(topic, configs);
        return { ...base, errorCode: 0, errorMessage: null };
      }),
    };
  },
});
