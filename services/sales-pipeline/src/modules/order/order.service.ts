import { randomUUID } from 'node:crypto';
import { OrderPaidV1, OrderPlacedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import {
  badInput,
  decodeCursor,
  isUuid,
  notFound,
  pageSize,
  requireRole,
  toConnection,
  withTenant,
  type AuthContext,
  type Connection,
} from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { PlaceOrderInput, RecordPaymentInput } from '../../generated/graphql.js';
import { centsOf, MAX_CENTS, toCents, toNumeric } from '../../money.js';
import { SALES_PRODUCER } from '../../producer.js';
import { READERS, WRITERS } from '../../roles.js';
import { dateOr, requireUuid } from '../../validation.js';
import { ProductEntity } from '../product/product.entity.js';
import { OrderEntity, OrderLineEntity, PaymentEntity } from './order.entity.js';
import { toOrderPaidPayload, toOrderPlacedPayload } from './order.events.js';
import { toOrderModel, type OrderLineModel, type OrderModel } from './order.model.js';

interface OrderPageRow {
  id: string;
  customer_id: string;
  total_amount: string;
  paid_amount: string;
  currency: string;
  placed_at: Date;
  due_at: Date | null;
  paid_at: Date | null;
  total_count: number;
}

export class OrderService {
  constructor(private readonly dataSource: DataSource) {}

  /** The total is computed here from the products' current prices; the client never sends one. */
  async place(auth: AuthContext, input: PlaceOrderInput): Promise<OrderModel> {
    requireRole(auth, WRITERS);
    const customerId = requireUuid(input.customerId, 'customerId');
    if (input.lines.length === 0) throw badInput('lines', 'an order needs at least one line');
    input.lines.forEach((line, index) => {
      if (!isUuid(line.productId)) throw badInput(`lines[${index}].productId`, `unknown product ${line.productId}`);
      if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
        throw badInput(`lines[${index}].quantity`, 'quantity must be greater than zero');
      }
    });
    const now = new Date();
    const placedAt = dateOr(input.placedAt, now);
    const dueAt = input.dueAt === null || input.dueAt === undefined ? null : dateOr(input.dueAt, now);
    if (dueAt && dueAt.getTime() < placedAt.getTime()) throw badInput('dueAt', 'dueAt cannot be before placedAt');

    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      // Another tenant's product is absent here, so it is as unknown as a made-up id.
      const products = await scope.repository(ProductEntity).findByIds([...new Set(input.lines.map((line) => line.productId.toLowerCase()))]);
      const byId = new Map(products.map((product) => [product.id, product] as const));
      const orderId = randomUUID();
      let currency: string | undefined;
      let totalCents = 0;
      const lines = input.lines.map((line, index) => {
        const product = byId.get(line.productId.toLowerCase());
        if (!product) throw badInput(`lines[${index}].productId`, `unknown product ${line.productId}`);
        const productCurrency = product.currency.trim();
        currency ??= productCurrency;
        if (productCurrency !== currency) {
          throw badInput(`lines[${index}].productId`, `every line of an order must be priced in one currency (${currency})`);
        }
        const unitPriceCents = centsOf(product.priceAmount);
        totalCents += unitPriceCents * line.quantity;
        if (totalCents > MAX_CENTS) throw badInput(`lines[${index}].quantity`, 'the order total is too large');
        return { orderId, position: index, productId: product.id, sku: product.sku, quantity: line.quantity, unitPriceCents, currency: productCurrency };
      });
      const orders = scope.repository(OrderEntity);
      const row = await orders.insert(
        orders.create({
          id: orderId,
          customerId,
          totalAmount: toNumeric(totalCents),
          paidAmount: '0.00',
          currency: currency!,
          placedAt,
          dueAt,
          paidAt: null,
          createdAt: now,
        }),
      );
      const lineRows = scope.repository(OrderLineEntity);
      await scope.manager.insert(
        OrderLineEntity,
        lines.map((line) =>
          lineRows.create({ orderId, position: line.position, productId: line.productId, quantity: line.quantity, unitPrice: toNumeric(line.unitPriceCents) }),
        ),
      );
      const order = toOrderModel(row);
      await recordEvent(scope.manager, SALES_PRODUCER, OrderPlacedV1, {
        tenantId: scope.tenantId,
        customerId,
        payload: toOrderPlacedPayload(order, lines),
        occurredAt: placedAt,
      });
      return order;
    });
  }

  /** A payment may not exceed the balance; the one that completes the order marks it paid. */
  async recordPayment(auth: AuthContext, input: RecordPaymentInput): Promise<OrderModel> {
    requireRole(auth, WRITERS);
    const amountCents = toCents(input.amount, 'amount');
    const paidAt = dateOr(input.paidAt, new Date());
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      if (!isUuid(input.orderId)) throw notFound('order', input.orderId);
      const orders = scope.repository(OrderEntity);
      // Locked so that two concurrent payments cannot both fit in the same balance.
      const row = await orders.queryBuilder('o').andWhere('o.id = :id', { id: input.orderId }).setLock('pessimistic_write').getOne();
      if (!row) throw notFound('order', input.orderId);
      const balance = centsOf(row.totalAmount) - centsOf(row.paidAmount);
      if (amountCents > balance) {
        throw badInput('amount', `the payment is larger than the order's balance (${toNumeric(balance)} ${row.currency.trim()})`);
      }
      if (paidAt.getTime() < row.placedAt.getTime()) throw badInput('paidAt', 'a payment cannot precede its order');
      const payments = scope.repository(PaymentEntity);
      await payments.insert(payments.create({ id: randomUUID(), orderId: row.id, amount: toNumeric(amountCents), paidAt, createdAt: new Date() }));
      row.paidAmount = toNumeric(centsOf(row.paidAmount) + amountCents);
      const completes = amountCents === balance;
      if (completes) row.paidAt = paidAt;
      await scope.manager.update(OrderEntity, { id: row.id, tenantId: scope.tenantId }, { paidAmount: row.paidAmount, paidAt: row.paidAt });
      const order = toOrderModel(row);
      if (completes) {
        const paymentCount = await payments.count({ orderId: row.id });
        await recordEvent(scope.manager, SALES_PRODUCER, OrderPaidV1, {
          tenantId: scope.tenantId,
          customerId: order.customerId,
          payload: toOrderPaidPayload({ ...order, paidAt }, paymentCount),
          occurredAt: paidAt,
        });
      }
      return order;
    });
  }

  /**
   * One page of orders (newest first) for each of any number of customers, in one statement:
   * row_number() pages every customer's orders at once, and the count rides along.
   */
  async pagesFor(
    auth: AuthContext,
    customerIds: readonly string[],
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Map<string, Connection<OrderModel>>> {
    requireRole(auth, READERS);
    const limit = pageSize(first);
    const position = decodeCursor(after);
    if (position && (!isUuid(position.id) || Number.isNaN(Date.parse(position.sortValue)))) {
      throw badInput('after', 'cursor is not one this API issued');
    }
    const ids = customerIds.filter(isUuid);
    if (ids.length === 0) return new Map();
    const rows = await withTenant(this.dataSource, auth.tenantId, (scope) =>
      scope.manager.query(
        `WITH scoped AS (
           SELECT id, customer_id, total_amount, paid_amount, currency, placed_at, due_at, paid_at
             FROM orders
            WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])
         ), counted AS (
           SELECT customer_id, count(*)::int AS total_count FROM scoped GROUP BY customer_id
         ), paged AS (
           SELECT scoped.*, row_number() OVER (PARTITION BY customer_id ORDER BY placed_at DESC, id DESC) AS position
             FROM scoped
            WHERE $3::timestamptz IS NULL OR (placed_at, id) < ($3::timestamptz, $4::uuid)
         )
         SELECT paged.*, counted.total_count
           FROM paged JOIN counted USING (customer_id)
          WHERE position <= $5
          ORDER BY customer_id, position`,
        [auth.tenantId, ids, position?.sortValue ?? null, position?.id ?? null, limit + 1],
      ) as Promise<OrderPageRow[]>,
    );
    const byCustomer = new Map<string, OrderPageRow[]>();
    for (const row of rows) {
      const list = byCustomer.get(row.customer_id);
      if (list) list.push(row);
      else byCustomer.set(row.customer_id, [row]);
    }
    const pages = new Map<string, Connection<OrderModel>>();
    for (const id of ids) {
      const list = byCustomer.get(id) ?? [];
      pages.set(
        id,
        toConnection(
          list,
          limit,
          list[0]?.total_count ?? 0,
          (row) => ({ sortValue: row.placed_at.toISOString(), id: row.id }),
          (row): OrderModel => ({
            id: row.id,
            customerId: row.customer_id,
            totalCents: centsOf(row.total_amount),
            paidCents: centsOf(row.paid_amount),
            currency: row.currency.trim(),
            placedAt: row.placed_at,
            dueAt: row.due_at,
            paidAt: row.paid_at,
          }),
        ),
      );
    }
    return pages;
  }

  /** The lines of any number of orders in one query, in their order. */
  async linesFor(auth: AuthContext, orderIds: readonly string[]): Promise<OrderLineModel[]> {
    const ids = orderIds.filter(isUuid);
    if (ids.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const rows = (await scope.manager.query(
        `SELECT line.order_id, line.position, line.product_id, line.quantity, line.unit_price, o.currency
           FROM order_lines line JOIN orders o ON o.id = line.order_id AND o.tenant_id = line.tenant_id
          WHERE line.tenant_id = $1 AND line.order_id = ANY($2::uuid[])
          ORDER BY line.order_id, line.position`,
        [auth.tenantId, ids],
      )) as { order_id: string; position: number; product_id: string; quantity: number; unit_price: string; currency: string }[];
      return rows.map((row) => ({
        orderId: row.order_id,
        position: row.position,
        productId: row.product_id,
        quantity: row.quantity,
        unitPriceCents: centsOf(row.unit_price),
        currency: row.currency.trim(),
      }));
    });
  }
}
