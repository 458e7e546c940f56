import { OrderPlacedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { foldBy, toCents, utcDay } from './batch.js';
import { addDelta, addToDailyRollups, refreshCustomerPurchases, type RollupDelta } from './customer-purchases.js';

/**
 * OrderPlaced -> the order and its lines, the customer's purchase facts and activity spells,
 * and the day's rollup. An order published again (a re-import that changed it) replaces the
 * earlier version: the rollup takes back what that version added before adding the new one.
 */
export const orderPlacedHandler = onBatch(OrderPlacedV1, async (events, scope) => {
  const orders = foldBy(events, (event) => event.payload.orderId);
  const ids = orders.map((event) => event.payload.orderId);
  const previous: { order_id: string; customer_id: string; placed_at: Date; amount: string; placed_seen: boolean }[] = await scope.manager.query(
    `SELECT order_id, customer_id, placed_at, amount::text AS amount, placed_seen FROM orders WHERE tenant_id = $1 AND order_id = ANY($2::uuid[]) FOR UPDATE`,
    [scope.tenantId, ids],
  );
  const deltas = new Map<string, RollupDelta>();
  for (const row of previous) {
    if (row.placed_seen) addDelta(deltas, utcDay(row.placed_at.toISOString()), { ordersPlaced: -1, revenuePlacedCents: -toCents(row.amount) });
  }
  for (const event of orders) addDelta(deltas, utcDay(event.payload.placedAt), { ordersPlaced: 1, revenuePlacedCents: toCents(event.payload.totalAmount) });

  await scope.manager.query(
    `INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, due_at, placed_seen)
     SELECT $1, r.order_id, r.customer_id, r.amount, r.currency, r.placed_at, r.due_at, true
       FROM jsonb_to_recordset($2::jsonb) AS r(order_id uuid, customer_id uuid, amount numeric, currency text, placed_at timestamptz, due_at timestamptz)
     ON CONFLICT (tenant_id, order_id) DO UPDATE
       SET customer_id = excluded.customer_id, amount = excluded.amount, currency = excluded.currency,
           placed_at = excluded.placed_at, due_at = excluded.due_at, placed_seen = true`,
    [
      scope.tenantId,
      JSON.stringify(
        orders.map((event) => ({
          order_id: event.payload.orderId,
          customer_id: event.customerId,
          amount: event.payload.totalAmount,
          currency: event.payload.currency,
          placed_at: event.payload.placedAt,
          due_at: event.payload.dueAt,
        })),
      ),
    ],
  );
  await scope.manager.query(`DELETE FROM order_lines WHERE tenant_id = $1 AND order_id = ANY($2::uuid[])`, [scope.tenantId, ids]);
  const lines = orders.flatMap((event) =>
    event.payload.lines.map((line, index) => ({
      order_id: event.payload.orderId,
      line_no: index + 1,
      customer_id: event.customerId,
      product_id: line.productId,
      quantity: line.quantity,
      unit_price: line.unitPrice,
      placed_at: event.payload.placedAt,
    })),
  );
  await scope.manager.query(
    `INSERT INTO order_lines (tenant_id, order_id, line_no, customer_id, product_id, quantity, unit_price, placed_at)
     SELECT $1, r.order_id, r.line_no, r.customer_id, r.product_id, r.quantity, r.unit_price, r.placed_at
       FROM jsonb_to_recordset($2::jsonb)
         AS r(order_id uuid, line_no int, customer_id uuid, product_id uuid, quantity int, unit_price numeric, placed_at timestamptz)`,
    [scope.tenantId, JSON.stringify(lines)],
  );
  await addToDailyRollups(scope, deltas);
  const latest = events.reduce((max, event) => (event.occurredAt > max ? event.occurredAt : max), events[0]!.occurredAt);
  await refreshCustomerPurchases(scope, [...orders.map((event) => event.customerId), ...previous.map((row) => row.customer_id)], latest);
});
