import { badInput } from '@rapport/service-kit';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** Upper-cases and checks an ISO-3166 alpha-2 code; unknown codes are rejected, not stored. */
export function normaliseCountry(value: string | null | undefined, field = 'country'): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const code = value.trim().toUpperCase();
  // Intl echoes codes it does not know; a known region has a name that differs from its code.
  // ZZ is Intl's "Unknown Region", not a country.
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ' || regionNames.of(code) === code) {
    throw badInput(field, `"${value}" is not an ISO-3166 alpha-2 country code`);
  }
  return code;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(value: string | null | undefined, field = 'email'): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw badInput(field, `"${value}" is not a valid email address`);
  return email;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function normaliseDomain(value: string | null | undefined, field = 'domain'): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const domain = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
  if (!DOMAIN.test(domain)) throw badInput(field, `"${value}" is not a valid domain`);
  return domain;
}

export function requireText(value: string, field: string, maxLength = 500): string {
  const text = value.trim();
  if (text === '') throw badInput(field, `${field} must not be empty`);
  if (text.length > maxLength) throw badInput(field, `${field} must be at most ${maxLength} characters`);
  return text;
}

/** Trimmed, de-duplicated, empty tags dropped; order kept. */
export function normaliseTags(tags: readonly string[] | null | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/** Optional free text: trimmed, and empty means absent. */
export function optionalText(value: string | null | undefined, field: string, maxLength = 500): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requireText(value, field, maxLength);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A member id: absent, or a UUID (it is not checked against the directory, which may lag). */
export function optionalMemberId(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!UUID.test(value)) throw badInput(field, `${field} must be a member id (UUID)`);
  return value.toLowerCase();
}
