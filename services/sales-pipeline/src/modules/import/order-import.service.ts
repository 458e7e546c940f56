import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CustomerImportRequestedV1, OrderPaidV1, OrderPlacedV1 } from '@rapport/events';
import { recordEvents } from '@rapport/messaging';
import {
  addToReport,
  csvBatches,
  emptyReport,
  readCsvRows,
  requireRole,
  withTenant,
  type AuthContext,
  type CsvRow,
  type ImportRejection,
  type ImportReport,
  type TenantScope,
} from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { centsOf, MAX_CENTS, toNumeric, type Cents } from '../../money.js';
import { SALES_PRODUCER } from '../../producer.js';
import { WRITERS } from '../../roles.js';
import { findInDirectory, recordMinted, type DirectoryEntry } from '../customer-directory/customer-directory.js';
import { toOrderPaidPayload, toOrderPlacedPayload } from '../order/order.events.js';
import type { OrderModel } from '../order/order.model.js';
import { groupOrders, ORDER_IMPORT_COLUMNS, ORDER_IMPORT_REQUIRED, type OrderDraft, type OrderImportColumn } from './order-import.rows.js';

/** The product an amount-only row (one line per order) is filed under; created on first use. */
export const IMPORTED_PURCHASE_SKU = 'imported-purchase';

interface PricedLine {
  position: number;
  productId: string;
  sku: string;
  quantity: number;
  unitPriceCents: Cents;
}

interface PricedOrder {
  draft: OrderDraft;
  currency: string;
  totalCents: Cents;
  lines: PricedLine[];
  customerId?: string;
}

interface ExistingOrder {
  id: string;
  external_id: string;
  customer_id: string;
  total_amount: string;
  currency: string;
  placed_at: Date;
  lines: string;
}

export interface OrderImportOptions {
  createCustomers: boolean;
}

/**
 * Loads purchase histories. An imported order is historical: it is recorded as placed and paid
 * at its `placedAt` (a transaction log lists purchases made), and publishes OrderPlaced then
 * OrderPaid exactly as placeOrder and a completing recordPayment would. Each batch of rows is
 * one transaction with bulk statements; a row is written whole or rejected with its reason.
 */
export class OrderImportService {
  constructor(private readonly dataSource: DataSource) {}

  /** The GraphQL mutation: CSV text of at most 5,000 rows, checked whole before any write. */
  async importCsv(auth: AuthContext, csv: string, options: OrderImportOptions): Promise<ImportReport> {
    requireRole(auth, WRITERS);
    const batches = await readCsvRows(csv, { columns: ORDER_IMPORT_COLUMNS, required: ORDER_IMPORT_REQUIRED });
    const report = emptyReport();
    await this.importBatches(auth, batches, options, report);
    return report;
  }

  /** The streamed route: any size, parsed as it arrives, written batch by batch into `report`. */
  async importStream(auth: AuthContext, body: Readable, options: OrderImportOptions, report: ImportReport): Promise<void> {
    requireRole(auth, WRITERS);
    await this.importBatches(auth, csvBatches(body, { columns: ORDER_IMPORT_COLUMNS, required: ORDER_IMPORT_REQUIRED }), options, report);
  }

  private async importBatches(
    auth: AuthContext,
    batches: Iterable<CsvRow<OrderImportColumn>[]> | AsyncIterable<CsvRow<OrderImportColumn>[]>,
    options: OrderImportOptions,
    report: ImportReport,
  ): Promise<void> {
    // The lines of one order may straddle a batch boundary: the trailing rows of the last order
    // wait for the next batch. An order id seen again after its order was written is refused.
    const written = new Set<string>();
    let carry: CsvRow<OrderImportColumn>[] = [];
    const flush = async (rows: CsvRow<OrderImportColumn>[]) => {
      const late: ImportRejection[] = [];
      const fresh = rows.filter((row) => {
        const id = row.values.orderExternalId;
        if (id === undefined || !written.has(id)) return true;
        late.push({ row: row.row, field: 'orderExternalId', reason: `the lines of order ${id} must be consecutive rows` });
        return false;
      });
      const batch = await this.importRows(auth, fresh, options);
      for (const row of fresh) if (row.values.orderExternalId !== undefined) written.add(row.values.orderExternalId);
      batch.received += late.length;
      batch.rejected = [...batch.rejected, ...late].sort((a, b) => a.row - b.row);
      addToReport(report, batch);
    };
    for await (const batch of batches) {
      const rows = [...carry, ...batch];
      const lastId = rows[rows.length - 1]?.values.orderExternalId;
      let cut = rows.length;
      if (lastId !== undefined) while (cut > 0 && rows[cut - 1]!.values.orderExternalId === lastId) cut -= 1;
      // One order larger than a batch is written whole, however long.
      if (cut === 0) cut = rows.length;
      carry = rows.slice(cut);
      if (cut > 0) await flush(rows.slice(0, cut));
    }
    if (carry.length > 0) await flush(carry);
  }

  /** One batch: one transaction. */
  async importRows(auth: AuthContext, rows: readonly CsvRow<OrderImportColumn>[], options: OrderImportOptions): Promise<ImportReport> {
    const { orders, rejected } = groupOrders(rows);
    const report: ImportReport = { received: rows.length, imported: 0, updated: 0, rejected };
    if (orders.length === 0) return report;
    await withTenant(this.dataSource, auth.tenantId, async (scope) => {
      // Imports of one tenant run one batch at a time, so two of them cannot mint two ids for
      // one unknown customer, nor both insert one order external id.
      await scope.manager.query(`SELECT pg_advisory_xact_lock(hashtext('rapport.order-import'), hashtext($1))`, [scope.tenantId]);
      const priced = await priceOrders(scope, orders, rejected);
      const placed = await resolveCustomers(scope, priced, options, rejected);
      const { created, changed, unchanged } = await this.write(scope, placed);
      report.imported = created.reduce((sum, order) => sum + order.draft.rows.length, 0);
      report.updated = [...changed, ...unchanged].reduce((sum, order) => sum + order.draft.rows.length, 0);
    });
    rejected.sort((a, b) => a.row - b.row);
    return report;
  }

  private async write(scope: TenantScope, orders: (PricedOrder & { customerId: string })[]) {
    const externalIds = orders.flatMap((order) => (order.draft.externalId === null ? [] : [order.draft.externalId]));
    const existing: ExistingOrder[] =
      externalIds.length === 0
        ? []
        : await scope.manager.query(
            `SELECT o.id, o.external_id, o.customer_id, o.total_amount, o.currency, o.placed_at,
                    coalesce((SELECT string_agg(l.product_id || ':' || l.quantity || ':' || l.unit_price, ',' ORDER BY l.position)
                                FROM order_lines l WHERE l.order_id = o.id), '') AS lines
               FROM orders o
              WHERE o.tenant_id = $1 AND o.external_id = ANY($2::text[])
              FOR UPDATE`,
            [scope.tenantId, externalIds],
          );
    const byExternalId = new Map(existing.map((row) => [row.external_id, row] as const));
    const created: (PricedOrder & { customerId: string; id: string })[] = [];
    const changed: (PricedOrder & { customerId: string; id: string })[] = [];
    const unchanged: PricedOrder[] = [];
    for (const order of orders) {
      const before = order.draft.externalId === null ? undefined : byExternalId.get(order.draft.externalId);
      if (!before) created.push({ ...order, id: randomUUID() });
      else if (sameOrder(before, order)) unchanged.push(order);
      else changed.push({ ...order, id: before.id });
    }
    const toWrite = [...created, ...changed];
    if (toWrite.length === 0) return { created, changed, unchanged };

    const now = new Date();
    const changedIds = changed.map((order) => order.id);
    if (changedIds.length > 0) {
      // A re-import replaces the order's content; its lines and its imported payment follow.
      await scope.manager.query(`DELETE FROM order_lines WHERE tenant_id = $1 AND order_id = ANY($2::uuid[])`, [scope.tenantId, changedIds]);
      await scope.manager.query(`DELETE FROM payments WHERE tenant_id = $1 AND order_id = ANY($2::uuid[])`, [scope.tenantId, changedIds]);
      await scope.manager.query(
        `UPDATE orders o
            SET customer_id = r.customer_id, total_amount = r.total, paid_amount = r.total, currency = r.currency,
                placed_at = r.placed_at, due_at = NULL, paid_at = r.placed_at
           FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, customer_id uuid, total numeric, currency text, placed_at timestamptz)
          WHERE o.tenant_id = $1 AND o.id = r.id`,
        [scope.tenantId, JSON.stringify(changed.map(orderRecord))],
      );
    }
    if (created.length > 0) {
      await scope.manager.query(
        `INSERT INTO orders (id, tenant_id, customer_id, total_amount, paid_amount, currency, placed_at, due_at, paid_at, created_at, external_id)
         SELECT r.id, $1, r.customer_id, r.total, r.total, r.currency, r.placed_at, NULL, r.placed_at, $3, r.external_id
           FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, customer_id uuid, total numeric, currency text, placed_at timestamptz, external_id text)`,
        [scope.tenantId, JSON.stringify(created.map(orderRecord)), now],
      );
    }
    await scope.manager.query(
      `INSERT INTO order_lines (order_id, position, tenant_id, product_id, quantity, unit_price)
       SELECT r.order_id, r.position, $1, r.product_id, r.quantity, r.unit_price
         FROM jsonb_to_recordset($2::jsonb) AS r(order_id uuid, position smallint, product_id uuid, quantity integer, unit_price numeric)`,
      [
        scope.tenantId,
        JSON.stringify(
          toWrite.flatMap((order) =>
            order.lines.map((line) => ({
              order_id: order.id,
              position: line.position,
              product_id: line.productId,
              quantity: line.quantity,
              unit_price: toNumeric(line.unitPriceCents),
            })),
          ),
        ),
      ],
    );
    // Paid in full at placedAt by one payment; an order of total zero is paid by none.
    const paid = toWrite.filter((order) => order.totalCents > 0);
    if (paid.length > 0) {
      await scope.manager.query(
        `INSERT INTO payments (id, tenant_id, order_id, amount, paid_at, created_at)
         SELECT gen_random_uuid(), $1, r.id, r.total, r.placed_at, $3
           FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, total numeric, placed_at timestamptz)`,
        [scope.tenantId, JSON.stringify(paid.map(orderRecord)), now],
      );
    }
    const models = toWrite.map((order) => ({ order, model: modelOf(order) }));
    await recordEvents(
      scope.manager,
      SALES_PRODUCER,
      OrderPlacedV1,
      models.map(({ order, model }) => ({
        tenantId: scope.tenantId,
        customerId: order.customerId,
        payload: toOrderPlacedPayload(model, order.lines.map((line) => ({ ...line, orderId: order.id, currency: order.currency }))),
        occurredAt: model.placedAt,
      })),
    );
    await recordEvents(
      scope.manager,
      SALES_PRODUCER,
      OrderPaidV1,
      models.map(({ order, model }) => ({
        tenantId: scope.tenantId,
        customerId: order.customerId,
        payload: toOrderPaidPayload({ ...model, paidAt: model.placedAt }, order.totalCents > 0 ? 1 : 0),
        occurredAt: model.placedAt,
      })),
    );
    return { created, changed, unchanged };
  }
}

function orderRecord(order: PricedOrder & { customerId: string; id: string }) {
  return {
    id: order.id,
    customer_id: order.customerId,
    total: toNumeric(order.totalCents),
    currency: order.currency,
    placed_at: order.draft.placedAt.toISOString(),
    external_id: order.draft.externalId,
  };
}

function modelOf(order: PricedOrder & { customerId: string; id: string }): OrderModel {
  return {
    id: order.id,
    customerId: order.customerId,
    totalCents: order.totalCents,
    paidCents: order.totalCents,
    currency: order.currency,
    placedAt: order.draft.placedAt,
    dueAt: null,
    paidAt: order.draft.placedAt,
  };
}

function sameOrder(before: ExistingOrder, order: PricedOrder & { customerId: string }): boolean {
  const lines = order.lines.map((line) => `${line.productId}:${line.quantity}:${toNumeric(line.unitPriceCents)}`).join(',');
  return (
    before.customer_id === order.customerId &&
    before.currency.trim() === order.currency &&
    before.placed_at.getTime() === order.draft.placedAt.getTime() &&
    centsOf(before.total_amount) === order.totalCents &&
    before.lines === lines
  );
}

/** Prices every order from its rows and the tenant's products; unknown skus reject the order. */
async function priceOrders(scope: TenantScope, orders: OrderDraft[], rejected: ImportRejection[]): Promise<PricedOrder[]> {
  const skus = [...new Set(orders.flatMap((order) => order.lines.flatMap((line) => (line.sku === null ? [] : [line.sku]))))];
  const needsPlaceholder = orders.some((order) => order.lines.some((line) => line.sku === null));
  if (needsPlaceholder) {
    const currency = orders.find((order) => order.currency !== null)?.currency ?? 'USD';
    await scope.manager.query(
      `INSERT INTO products (id, tenant_id, sku, name, price_amount, currency, recurring)
       VALUES (gen_random_uuid(), $1, $2, 'Imported purchase', 0, $3, false)
       ON CONFLICT (tenant_id, sku) DO NOTHING`,
      [scope.tenantId, IMPORTED_PURCHASE_SKU, currency],
    );
    skus.push(IMPORTED_PURCHASE_SKU);
  }
  const products: { id: string; sku: string; price_amount: string; currency: string }[] =
    skus.length === 0
      ? []
      : await scope.manager.query(`SELECT id, sku, price_amount, currency FROM products WHERE tenant_id = $1 AND sku = ANY($2::text[])`, [
          scope.tenantId,
          skus,
        ]);
  const bySku = new Map(products.map((product) => [product.sku, product] as const));
  const priced: PricedOrder[] = [];
  for (const order of orders) {
    const result = priceOrder(order, bySku);
    if (typeof result === 'string') {
      const [field, reason] = result.split('|') as [string, string];
      for (const row of order.rows) rejected.push({ row, field, reason });
    } else priced.push(result);
  }
  return priced;
}

function priceOrder(order: OrderDraft, bySku: Map<string, { id: string; sku: string; price_amount: string; currency: string }>): PricedOrder | string {
  let currency = order.currency;
  let total = 0;
  const lines: PricedLine[] = [];
  for (const [position, line] of order.lines.entries()) {
    const product = bySku.get(line.sku ?? IMPORTED_PURCHASE_SKU);
    if (!product) return `sku|unknown product sku ${line.sku ?? ''}`;
    let unitPriceCents: Cents;
    if (line.amountCents !== null) unitPriceCents = line.amountCents / line.quantity;
    else {
      const productCurrency = product.currency.trim();
      currency ??= productCurrency;
      if (productCurrency !== currency) return `sku|product ${product.sku} is priced in ${productCurrency}, the order in ${currency}`;
      unitPriceCents = centsOf(product.price_amount);
    }
    total += unitPriceCents * line.quantity;
    if (total > MAX_CENTS) return 'amount|the order total is too large';
    if (position > 32_000) return 'orderExternalId|an order has at most 32,000 lines';
    lines.push({ position, productId: product.id, sku: product.sku, quantity: line.quantity, unitPriceCents });
  }
  return { draft: order, currency: currency!, totalCents: total, lines };
}

/**
 * Each order's customer, through this service's directory: the external id, then the email.
 * Unknown ones, with `createCustomers`, get an id minted here, recorded in the directory at once
 * and announced with CustomerImportRequested so contacts creates the customer under that id.
 */
async function resolveCustomers(
  scope: TenantScope,
  orders: PricedOrder[],
  options: OrderImportOptions,
  rejected: ImportRejection[],
): Promise<(PricedOrder & { customerId: string })[]> {
  const externalIds = [...new Set(orders.flatMap((order) => (order.draft.customerExternalId === null ? [] : [order.draft.customerExternalId])))];
  const emails = [...new Set(orders.flatMap((order) => (order.draft.customerEmail === null ? [] : [order.draft.customerEmail])))];
  const matches = await findInDirectory(scope, externalIds, emails);
  const byExternalId = new Map<string, string>();
  const byEmail = new Map<string, string>();
  // Matches come best first: the first one for a key wins.
  for (const match of matches) {
    if (match.externalId !== null && !byExternalId.has(match.externalId)) byExternalId.set(match.externalId, match.customerId);
    if (match.email !== null && !byEmail.has(match.email)) byEmail.set(match.email, match.customerId);
  }
  const minted: (DirectoryEntry & { name: string })[] = [];
  const resolved: (PricedOrder & { customerId: string })[] = [];
  for (const order of orders) {
    const { customerExternalId, customerEmail } = order.draft;
    let customerId =
      (customerExternalId === null ? undefined : byExternalId.get(customerExternalId)) ??
      (customerEmail === null ? undefined : byEmail.get(customerEmail));
    if (customerId === undefined && options.createCustomers) {
      customerId = randomUUID();
      minted.push({
        customerId,
        externalId: customerExternalId,
        email: customerEmail,
        name: order.draft.customerName ?? (customerExternalId === null ? customerEmail! : `Customer ${customerExternalId}`),
      });
      if (customerExternalId !== null) byExternalId.set(customerExternalId, customerId);
      if (customerEmail !== null) byEmail.set(customerEmail, customerId);
    }
    if (customerId === undefined) {
      const field = customerExternalId !== null ? 'customerExternalId' : 'customerEmail';
      const reason = `unknown customer ${customerExternalId ?? customerEmail ?? ''} (import with createCustomers: true to create it)`;
      for (const row of order.draft.rows) rejected.push({ row, field, reason });
      continue;
    }
    resolved.push({ ...order, customerId });
  }
  if (minted.length > 0) {
    await recordMinted(scope, minted);
    const requestedAt = new Date();
    await recordEvents(
      scope.manager,
      SALES_PRODUCER,
      CustomerImportRequestedV1,
      minted.map((entry) => ({
        tenantId: scope.tenantId,
        customerId: entry.customerId,
        payload: { externalId: entry.externalId, email: entry.email, name: entry.name, requestedAt: requestedAt.toISOString() },
        occurredAt: requestedAt,
      })),
    );
  }
  return resolved;
}
