/**
 * One row per key, in key order: a single INSERT ... ON CONFLICT may not touch the same row twice, so a
 * batch with several events for one key is folded first (later events win unless `merge`
 * says otherwise).
 */
export function foldBy<Row>(rows: Row[], key: (row: Row) => string, merge: (previous: Row, next: Row) => Row = (_previous, next) => next): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) {
    const id = key(row);
    const previous = byKey.get(id);
    byKey.set(id, previous === undefined ? row : merge(previous, row));
  }
  // Sorted by key: concurrent partitions then lock shared rows (a customer) in one order, never in a cycle.
  return [...byKey.entries()].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)).map(([, row]) => row);
}

/** UTC day (YYYY-MM-DD) of an ISO instant: rollups are per tenant and UTC day. */
export const utcDay = (instant: string): string => new Date(instant).toISOString().slice(0, 10);

/** Sums an amount per key in cents, so that decimal strings add without float drift. */
export function toCents(amount: string): number {
  const negative = amount.startsWith('-');
  const [units = '0', cents = '0'] = amount.replace('-', '').split('.');
  const value = Number(units) * 100 + Number(cents.padEnd(2, '0').slice(0, 2));
  return negative ? -value : value;
}

export const fromCents = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
};
