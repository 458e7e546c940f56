import { badInput } from '@rapport/service-kit';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** Upper-cases and checks an ISO-3166 alpha-2 code; unknown codes are rejected, not stored. */
export function normaliseCountry(value: string | null | undefined, field = 'country'): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const code = value.trim().toUpperCase();
  // Intl echoes codes it does not know; a known region has a name that differs from its code.
  if (!/^[A-Z]{2}$/.test(code) || regionNames.of(code) === code) {
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
