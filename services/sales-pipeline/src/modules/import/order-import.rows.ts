import type { CsvRow, ImportRejection } from '@rapport/service-kit';
import { MAX_CENTS, type Cents } from '../../money.js';

/** The columns an order import may have (GRAPH.md), plus an optional name for created customers. */
export const ORDER_IMPORT_COLUMNS = [
  'orderExternalId',
  'customerExternalId',
  'customerEmail',
  'customerName',
  'placedAt',
  'amount',
  'currency',
  'sku',
  'quantity',
] as const;
export type OrderImportColumn = (typeof ORDER_IMPORT_COLUMNS)[number];
export const ORDER_IMPORT_REQUIRED: readonly OrderImportColumn[] = ['placedAt'];

export interface LineDraft {
  row: number;
  sku: string | null;
  quantity: number;
  /** What the line cost in all (the row's amount), or null to price it from the product. */
  amountCents: Cents | null;
}

/** One order as the file describes it: one row (no external id) or the rows sharing an external id. */
export interface OrderDraft {
  externalId: string | null;
  rows: number[];
  customerExternalId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  placedAt: Date;
  currency: string | null;
  lines: LineDraft[];
}

interface RowDraft {
  row: number;
  orderExternalId: string | null;
  customerExternalId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  placedAt: Date;
  currency: string | null;
  line: LineDraft;
}

type Parsed = { ok: RowDraft } | { rejection: ImportRejection };

const reject = (row: number, field: string | null, reason: string): { rejection: ImportRejection } => ({ rejection: { row, field, reason } });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A purchase date: `YYYY-MM-DD`, `YYYYMMDD` (transaction logs such as CDNOW) or an ISO date-time;
 * without a zone it is UTC, so an import means the same wherever the server runs.
 */
export function parsePlacedAt(value: string): Date | null {
  let text = value.trim();
  if (/^\d{8}$/.test(text)) text = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!match) return null;
  const [, day, time, zone] = match;
  const date = new Date(`${day}T${time ?? '00:00:00'}${zone ?? 'Z'}`);
  if (Number.isNaN(date.getTime())) return null;
  // Date rolls 2025-02-30 over to March; a calendar date that does not exist is refused.
  if (!zone && date.toISOString().slice(0, 10) !== day) return null;
  return date;
}

/** A decimal amount in major units ("12.30", "0") as cents; refused if negative or finer than cents. */
export function parseAmount(value: string): Cents | string {
  const text = value.trim();
  if (/^-/.test(text)) return 'amount must be zero or more';
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return `"${value}" is not a decimal amount`;
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return 'amount has more than two decimals';
  const cents = Number(match[1]) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return 'amount is too large';
  return cents;
}

function optional(value: string | undefined, maxLength = 200): string | null | { tooLong: true } {
  if (value === undefined) return null;
  return value.length > maxLength ? { tooLong: true } : value;
}

/** Checks one data row on its own; what needs the database (customer, sku) is checked later. */
export function parseOrderRow(row: CsvRow<OrderImportColumn>): Parsed {
  if (row.problem) return reject(row.row, null, row.problem);
  const values = row.values;
  const texts: Partial<Record<OrderImportColumn, string | null>> = {};
  for (const column of ['orderExternalId', 'customerExternalId', 'customerName', 'sku'] as const) {
    const text = optional(values[column]);
    if (text !== null && typeof text === 'object') return reject(row.row, column, `${column} must be at most 200 characters`);
    texts[column] = text;
  }
  let customerEmail: string | null = null;
  if (values.customerEmail !== undefined) {
    customerEmail = values.customerEmail.toLowerCase();
    if (!EMAIL.test(customerEmail) || customerEmail.length > 254) return reject(row.row, 'customerEmail', `"${values.customerEmail}" is not a valid email address`);
  }
  if (texts.customerExternalId === null && customerEmail === null) {
    return reject(row.row, 'customerExternalId', 'a row needs customerExternalId or customerEmail');
  }
  if (values.placedAt === undefined) return reject(row.row, 'placedAt', 'placedAt is required');
  const placedAt = parsePlacedAt(values.placedAt);
  if (!placedAt) return reject(row.row, 'placedAt', `"${values.placedAt}" is not a date (YYYY-MM-DD, YYYYMMDD or ISO-8601)`);

  let currency: string | null = null;
  if (values.currency !== undefined) {
    currency = values.currency.toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return reject(row.row, 'currency', `"${values.currency}" is not an ISO-4217 currency code`);
  }
  let amountCents: Cents | null = null;
  if (values.amount !== undefined) {
    const amount = parseAmount(values.amount);
    if (typeof amount === 'string') return reject(row.row, 'amount', amount);
    amountCents = amount;
  }
  let quantity = 1;
  if (values.quantity !== undefined) {
    if (!/^\d+$/.test(values.quantity) || Number(values.quantity) <= 0 || Number(values.quantity) > 1_000_000) {
      return reject(row.row, 'quantity', 'quantity must be a whole number greater than zero');
    }
    quantity = Number(values.quantity);
  }
  const sku = texts.sku ?? null;
  if (sku === null && amountCents === null) return reject(row.row, 'amount', 'a row needs an amount (one line per order) or a sku (one line per product)');
  if (sku === null && currency === null) return reject(row.row, 'currency', 'an amount needs its currency');
  if (amountCents !== null && amountCents % quantity !== 0) {
    return reject(row.row, 'amount', `amount ${(amountCents / 100).toFixed(2)} does not divide into ${quantity} equal unit prices in cents`);
  }
  return {
    ok: {
      row: row.row,
      orderExternalId: texts.orderExternalId ?? null,
      customerExternalId: texts.customerExternalId ?? null,
      customerEmail,
      customerName: texts.customerName ?? null,
      placedAt,
      currency,
      line: { row: row.row, sku, quantity, amountCents },
    },
  };
}

/**
 * Rows to orders. Rows sharing an orderExternalId are the lines of one order and must agree on
 * its customer, date and currency; a row without one is an order of its own, even when another
 * row looks the same (two same-day purchases of the same amount are two purchases). A rejected
 * row rejects its whole order: an order is never written without some of its lines.
 */
export function groupOrders(rows: readonly CsvRow<OrderImportColumn>[]): { orders: OrderDraft[]; rejected: ImportRejection[] } {
  const rejected: ImportRejection[] = [];
  const groups = new Map<string, { draft: OrderDraft | null; rows: number[]; failedRow: number | null }>();
  const orders: (OrderDraft | string)[] = [];
  for (const row of rows) {
    const parsed = parseOrderRow(row);
    const externalId = 'ok' in parsed ? parsed.ok.orderExternalId : (row.values.orderExternalId ?? null);
    if (externalId === null) {
      if ('rejection' in parsed) rejected.push(parsed.rejection);
      else orders.push(draftOf(parsed.ok));
      continue;
    }
    let group = groups.get(externalId);
    if (!group) {
      group = { draft: null, rows: [], failedRow: null };
      groups.set(externalId, group);
      orders.push(externalId);
    }
    group.rows.push(row.row);
    if (group.failedRow !== null) {
      rejected.push({ row: row.row, field: 'orderExternalId', reason: `order ${externalId} has a rejected row (${group.failedRow})` });
      continue;
    }
    let failure: ImportRejection | null = 'rejection' in parsed ? parsed.rejection : null;
    if ('ok' in parsed && group.draft) failure = disagreement(group.draft, parsed.ok);
    if (failure) {
      rejected.push(failure);
      group.failedRow = row.row;
      for (const earlier of group.rows.slice(0, -1)) {
        rejected.push({ row: earlier, field: 'orderExternalId', reason: `order ${externalId} has a rejected row (${row.row})` });
      }
      group.draft = null;
      continue;
    }
    if ('ok' in parsed) {
      if (group.draft) {
        group.draft.rows.push(row.row);
        group.draft.lines.push(parsed.ok.line);
        group.draft.currency ??= parsed.ok.currency;
        group.draft.customerName ??= parsed.ok.customerName;
      } else group.draft = draftOf(parsed.ok);
    }
  }
  const result: OrderDraft[] = [];
  for (const entry of orders) {
    if (typeof entry !== 'string') result.push(entry);
    else {
      const draft = groups.get(entry)?.draft;
      if (draft) result.push(draft);
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  return { orders: result, rejected };
}

function draftOf(row: RowDraft): OrderDraft {
  return {
    externalId: row.orderExternalId,
    rows: [row.row],
    customerExternalId: row.customerExternalId,
    customerEmail: row.customerEmail,
    customerName: row.customerName,
    placedAt: row.placedAt,
    currency: row.currency,
    lines: [row.line],
  };
}

function disagreement(order: OrderDraft, row: RowDraft): ImportRejection | null {
  const id = order.externalId ?? '';
  if (row.customerExternalId !== order.customerExternalId) return { row: row.row, field: 'customerExternalId', reason: `the lines of order ${id} name different customers` };
  if (row.customerEmail !== order.customerEmail) return { row: row.row, field: 'customerEmail', reason: `the lines of order ${id} name different customers` };
  if (row.placedAt.getTime() !== order.placedAt.getTime()) return { row: row.row, field: 'placedAt', reason: `the lines of order ${id} have different dates` };
  if (row.currency !== null && order.currency !== null && row.currency !== order.currency) {
    return { row: row.row, field: 'currency', reason: `the lines of order ${id} have different currencies` };
  }
  return null;
}
