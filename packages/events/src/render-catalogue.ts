import { z } from 'zod';
import { EVENT_CATALOGUE } from './catalogue.js';
import { deadLetterTopic } from './topics.js';

interface JsonSchemaProperty {
  type?: string | string[];
  anyOf?: JsonSchemaProperty[];
  enum?: unknown[];
  format?: string;
  items?: JsonSchemaProperty;
}

function describeType(property: JsonSchemaProperty): string {
  if (property.anyOf) return property.anyOf.map(describeType).join(' \\| ');
  if (property.enum) return property.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (property.type === 'array' && property.items) return `${describeType(property.items)}[]`;
  const type = Array.isArray(property.type) ? property.type.join(' \\| ') : (property.type ?? 'unknown');
  return property.format ? `${type} (${property.format})` : type;
}

/** The human catalogue of topics and events, generated from the contracts so it cannot drift. */
export function renderCatalogue(): string {
  const lines = [
    '# Event catalogue',
    '',
    'Generated from `src/contracts/*.ts` by `npm run catalogue`; a test fails when this file is stale.',
    '',
    'Every event travels in the envelope `{ id, type, version, tenantId, customerId, occurredAt, producer, payload }`.',
    'The message key is `customerId`, so one customer\'s events stay in order within a topic.',
    'Consumers de-duplicate on `id`. An unknown type or a newer version of a known type is skipped and counted;',
    'a malformed event, or one whose handler keeps failing, goes to `<topic>.dlq` with the reason.',
    '',
    '## Topics',
    '',
    '| topic | events | dead letters |',
    '|---|---|---|',
  ];
  const topics = [...new Set(EVENT_CATALOGUE.map((definition) => definition.topic))].sort();
  for (const topic of topics) {
    const events = EVENT_CATALOGUE.filter((definition) => definition.topic === topic).map((d) => `${d.type} v${d.version}`);
    lines.push(`| \`${topic}\` | ${events.join(', ')} | \`${deadLetterTopic(topic)}\` |`);
  }
  lines.push('', '## Events', '');
  for (const definition of EVENT_CATALOGUE) {
    const schema = z.toJSONSchema(definition.payload, { unrepresentable: 'any' }) as {
      properties?: Record<string, JsonSchemaProperty>;
      required?: string[];
    };
    lines.push(
      `### ${definition.type} v${definition.version}`,
      '',
      definition.description,
      '',
      `- topic: \`${definition.topic}\`, key: customer id`,
      `- producer: ${definition.producer}`,
      `- consumers: ${definition.consumers.join(', ') || '(none yet)'}`,
      '',
      '| payload field | type | required |',
      '|---|---|---|',
    );
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      lines.push(`| \`${name}\` | ${describeType(property)} | ${schema.required?.includes(name) ? 'yes' : 'no'} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
