import { badInput, isUuid } from '@rapport/service-kit';

/** Required text: trimmed, not empty, bounded. */
export function requireText(value: string, field: string, maxLength = 500): string {
  const text = value.trim();
  if (text === '') throw badInput(field, `${field} must not be empty`);
  if (text.length > maxLength) throw badInput(field, `${field} must be at most ${maxLength} characters`);
  return text;
}

/** An id the client sends: a UUID, else it cannot name anything. */
export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(field, `${field} must be an id (UUID)`);
  return value.toLowerCase();
}

/** A date the client may omit: given, or the default. */
export function dateOr(value: Date | string | null | undefined, fallback: Date): Date {
  if (value === null || value === undefined) return fallback;
  return value instanceof Date ? value : new Date(value);
}
