import { badInput } from '@rapport/service-kit';

/**
 * Money is handled as integer minor units (cents) between the API and SQL, and stored as
 * `numeric(14, 2)`: a binary float never reaches storage or a sum. Every currency here is
 * taken to have two decimals, which is what the `numeric(14, 2)` columns hold.
 */
export type Cents = number;

/** The largest amount a numeric(14, 2) column holds, in cents. */
export const MAX_CENTS: Cents = 99_999_999_999_999;

/** An API amount (major units, a JSON number) as cents; more than two decimals is refused. */
export function toCents(amount: number, field: string, options: { allowZero?: boolean } = {}): Cents {
  if (!Number.isFinite(amount)) throw badInput(field, `${field} must be a number`);
  const cents = Math.round(amount * 100);
  if (Math.abs(amount * 100 - cents) > 1e-6) throw badInput(field, `${field} has more than two decimals`);
  if (cents < 0 || (cents === 0 && !(options.allowZero ?? false))) {
    throw badInput(field, `${field} must be ${options.allowZero ? 'zero or more' : 'greater than zero'}`);
  }
  if (cents > MAX_CENTS) throw badInput(field, `${field} is too large`);
  return cents;
}

/** A numeric column value ("12.30", "-4", null) as cents. */
export function centsOf(numeric: string | null | undefined): Cents {
  if (numeric === null || numeric === undefined) return 0;
  const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(numeric.trim());
  if (!match) throw new Error(`not a decimal amount: ${numeric}`);
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** Cents as a decimal string for SQL and event payloads ("12.30"). */
export function toNumeric(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** Cents as the major-unit number the API's `Money.amount` carries. */
export function toAmount(cents: Cents): number {
  return cents / 100;
}

export function normaliseCurrency(value: string, field = 'currency'): string {
  const currency = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw badInput(field, `"${value}" is not an ISO-4217 currency code`);
  return currency;
}

export interface MoneyModel {
  amount: number;
  currency: string;
}

export const money = (cents: Cents, currency: string): MoneyModel => ({ amount: toAmount(cents), currency });
