import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';

/** ISO-8601 timestamps in and out. */
export const dateTimeScalar = DateTimeResolver;
/** Arbitrary JSON objects (custom fields). */
export const jsonScalar = JSONObjectResolver;

type ResolverObject = Record<string, unknown>;

/**
 * Merges resolver maps type by type. Spreading maps would let a second `Query`
 * silently replace the first; here a field defined twice fails at start-up.
 */
export function mergeResolvers(...maps: object[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      const existing = merged[typeName];
      if (existing === undefined) {
        merged[typeName] = fields;
        continue;
      }
      if (!isPlainObject(existing) || !isPlainObject(fields)) {
        throw new Error(`resolver for ${typeName} is defined twice`);
      }
      const combined: ResolverObject = { ...existing };
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in combined) throw new Error(`resolver ${typeName}.${field} is defined twice`);
        combined[field] = resolver;
      }
      merged[typeName] = combined;
    }
  }
  return merged;
}

function isPlainObject(value: unknown): value is ResolverObject {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
