import type { PurchaseHistory } from './bgnbd.js';
import type { SpendHistory } from './gamma-gamma.js';

/** One purchase day of a customer: every order placed that UTC day, merged. */
export interface PurchaseDay {
  customerId: string;
  /** The UTC calendar day, YYYY-MM-DD. */
  day: string;
  amount: number;
}

export interface CustomerHistory extends PurchaseHistory, SpendHistory {
  customerId: string;
  firstPurchaseDay: string;
}

export const DAYS_PER_WEEK = 7;
/** Months become weeks at 52 weeks a year: 12 months = 52 weeks exactly. */
export const WEEKS_PER_MONTH = 52 / 12;

const MS_PER_DAY = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;

/** The UTC calendar day of an instant: the reference time counts whole days, as purchases do. */
export const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * The model inputs of each customer as of the end of `referenceDay`, from its purchase days
 * (days after it are ignored). Time runs in whole days converted to weeks:
 *   x = purchase days − 1, tx = (last day − first day) / 7, T = (reference day − first day) / 7,
 *   meanSpend = mean amount of the repeat purchase days (the first day is left out).
 */
export function customerHistories(days: readonly PurchaseDay[], referenceDay: string): CustomerHistory[] {
  const reference = dayNumber(referenceDay);
  const byCustomer = new Map<string, PurchaseDay[]>();
  for (const purchase of days) {
    if (purchase.day > referenceDay) continue;
    let list = byCustomer.get(purchase.customerId);
    if (!list) byCustomer.set(purchase.customerId, (list = []));
    list.push(purchase);
  }
  const histories: CustomerHistory[] = [];
  for (const [customerId, list] of byCustomer) {
    // Same-day rows (should the caller pass orders rather than days) become one purchase.
    const merged = new Map<string, number>();
    for (const purchase of list) merged.set(purchase.day, (merged.get(purchase.day) ?? 0) + purchase.amount);
    const ordered = [...merged.entries()].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    const first = ordered[0]![0];
    const last = ordered[ordered.length - 1]![0];
    const repeats = ordered.slice(1);
    const x = repeats.length;
    histories.push({
      customerId,
      firstPurchaseDay: first,
      x,
      tx: (dayNumber(last) - dayNumber(first)) / DAYS_PER_WEEK,
      T: (reference - dayNumber(first)) / DAYS_PER_WEEK,
      meanSpend: x > 0 ? repeats.reduce((sum, [, amount]) => sum + amount, 0) / x : 0,
    });
  }
  return histories;
}
