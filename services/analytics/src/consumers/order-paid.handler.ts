import { OrderPaidV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { foldBy, toCents, utcDay } from './batch.js';
import { addDelta, addToDailyRollups, refreshCustomerPurchases, type RollupDelta } from './customer-purchases.js';

/**
 * OrderPaid -> the order's payment (paid time, amount, late when paid after its due time), the
 * customer's paid revenue and the paying day's rollup. Sent again when a re-import changes an
 * order: the earlier payment's contribution is taken back first.
 */
export const orderPaidHandler = onBatch(OrderPaidV1, async (events, scope) => {
  const payments = foldBy(events, (event) => event.payload.orderId);
  const previous: { order_id: string; customer_id: string; paid_at: Date | null; paid_amount: string | null; due_at: Date | null }[] = await scope.manager.query(
    `SELECT order_id, customer_id, paid_at, paid_amount::text AS paid_amount, due_at FROM orders WHERE tenant_id = $1 AND order_id = ANY($2::uuid[]) FOR UPDATE`,
    [scope.tenantId, payments.map((event) => event.payload.orderId)],
  );
  const deltas = new Map<string, RollupDelta>();
  for (const row of previous) {
    if (row.paid_at === null) continue;
    const late = row.due_at !== null && row.paid_at > row.due_at ? 1 : 0;
    addDelta(deltas, utcDay(row.paid_at.toISOString()), { ordersPaid: -1, revenuePaidCents: -toCents(row.paid_amount ?? '0.00'), ordersPaidLate: -late });
  }
  for (const event of payments) {
    const { paidAt, dueAt, totalAmount } = event.payload;
    const late = dueAt !== null && Date.parse(paidAt) > Date.parse(dueAt) ? 1 : 0;
    addDelta(deltas, utcDay(paidAt), { ordersPaid: 1, revenuePaidCents: toCents(totalAmount), ordersPaidLate: late });
  }
  await scope.manager.query(
    `INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, due_at, paid_at, paid_amount, payment_count)
     SELECT $1, r.order_id, r.customer_id, r.amount, r.currency, r.placed_at, r.due_at, r.paid_at, r.amount, r.payment_count
       FROM jsonb_to_recordset($2::jsonb)
         AS r(order_id uuid, customer_id uuid, amount numeric, currency text, placed_at timestamptz, due_at timestamptz, paid_at timestamptz, payment_count int)
     ON CONFLICT (tenant_id, order_id) DO UPDATE
       SET due_at = excluded.due_at, paid_at = excluded.paid_at, paid_amount = excluded.paid_amount, payment_count = excluded.payment_count`,
    [
      scope.tenantId,
      JSON.stringify(
        payments.map((event) => ({
          order_id: event.payload.orderId,
          customer_id: event.customerId,
          amount: event.payload.totalAmount,
          currency: event.payload.currency,
          placed_at: event.payload.placedAt,
          due_at: event.payload.dueAt,
          paid_at: event.payload.paidAt,
          payment_count: event.payload.paymentCount,
        })),
      ),
    ],
  );
  await addToDailyRollups(scope, deltas);
  const latest = events.reduce((max, event) => (event.occurredAt > max ? event.occurredAt : max), events[0]!.occurredAt);
  // Purchase days (and so what the KPI rollups count) change only with an order seen here first.
  const known = new Set(previous.map((row) => row.order_id));
  const newOrders = payments.filter((event) => !known.has(event.payload.orderId)).map((event) => event.customerId);
  await refreshCustomerPurchases(scope, [...payments.map((event) => event.customerId), ...previous.map((row) => row.customer_id)], latest, newOrders);
});
