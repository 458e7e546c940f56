import { badInput } from '@rapport/service-kit';
import type { FieldDefinitionRow } from './field-definition.entity.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function checkValue(definition: FieldDefinitionRow, value: unknown, field: string): unknown {
  switch (definition.type) {
    case 'STRING':
      if (typeof value !== 'string') throw badInput(field, `${field} must be a string`);
      return value.trim();
    case 'NUMBER':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw badInput(field, `${field} must be a number`);
      return value;
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw badInput(field, `${field} must be true or false`);
      return value;
    case 'DATE':
      if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
        throw badInput(field, `${field} must be an ISO-8601 date`);
      }
      return value;
  }
}

/**
 * Checks custom field values against the tenant's definitions: every key must be defined
 * and every value of its type; `null` removes a value. `required` is not enforced here:
 * it is the data-quality standard (records arrive incomplete from imports and leads), and
 * dataQuality reports what is missing.
 */
export function validateCustomFields(
  values: unknown,
  definitions: readonly FieldDefinitionRow[],
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw badInput('customFields', 'customFields must be a JSON object');
  }
  const byName = new Map(definitions.map((definition) => [definition.name, definition] as const));
  const result: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(values)) {
    const field = `customFields.${name}`;
    const definition = byName.get(name);
    if (!definition) throw badInput(field, `no custom field "${name}" is defined for this workspace`);
    if (value === null) delete result[name];
    else result[name] = checkValue(definition, value, field);
  }
  return result;
}
