import type { TenantScope } from '@rapport/service-kit';
import { refreshKpiFacts } from './kpi-facts.js';

/** A customer counts as active for this long after each purchase day (METRICS.md, "Active customer"). */
export const ACTIVE_AFTER_PURCHASE = '365 days';

/**
 * Recomputes, from the orders table, what the read model derives from a customer's orders:
 * first, second and last purchase (distinct UTC days: same-day orders are one purchase), the
 * number of purchase days, paid revenue, and the activity spells (each purchase day opens
 * [day, day + 365 d); overlapping ones merge). Derived from the whole order list, never
 * incremented, so any arrival order and any replay give the same rows. Then what the KPI
 * rollups count of them (refreshKpiFacts), for `kpiFactsOf` when the caller knows that only
 * those customers' orders came or moved (a payment of a known order changes none).
 */
export async function refreshCustomerPurchases(scope: TenantScope, customerIds: string[], occurredAt: string, kpiFactsOf: string[] = customerIds): Promise<void> {
  if (customerIds.length === 0) return;
  const ids = [...new Set(customerIds)].sort();
  await scope.manager.query(
    `WITH days AS (
       SELECT customer_id, date_trunc('day', placed_at, 'UTC') AS day, min(placed_at) AS first_at
         FROM orders WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])
        GROUP BY customer_id, date_trunc('day', placed_at, 'UTC')
     ), ranked AS (
       SELECT customer_id, first_at, row_number() OVER (PARTITION BY customer_id ORDER BY day) AS position FROM days
     ), facts AS (
       SELECT c.customer_id,
              min(r.first_at) FILTER (WHERE r.position = 1) AS first_purchase_at,
              min(r.first_at) FILTER (WHERE r.position = 2) AS second_purchase_at,
              (SELECT max(o.placed_at) FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = c.customer_id) AS last_purchase_at,
              count(r.first_at)::int AS purchase_days,
              coalesce((SELECT sum(o.paid_amount) FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = c.customer_id AND o.paid_at IS NOT NULL), 0) AS revenue_paid
         FROM unnest($2::uuid[]) AS c(customer_id) LEFT JOIN ranked r ON r.customer_id = c.customer_id
        GROUP BY c.customer_id
     )
     INSERT INTO customers (tenant_id, customer_id, first_purchase_at, second_purchase_at, last_purchase_at, purchase_days, revenue_paid, last_event_at)
     SELECT $1, customer_id, first_purchase_at, second_purchase_at, last_purchase_at, purchase_days, revenue_paid, $3 FROM facts
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET first_purchase_at = excluded.first_purchase_at, second_purchase_at = excluded.second_purchase_at,
           last_purchase_at = excluded.last_purchase_at, purchase_days = excluded.purchase_days, revenue_paid = excluded.revenue_paid,
           last_event_at = greatest(customers.last_event_at, excluded.last_event_at)`,
    [scope.tenantId, ids, occurredAt],
  );
  await scope.manager.query(`DELETE FROM activity_spells WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`, [scope.tenantId, ids]);
  await scope.manager.query(
    `WITH days AS (
       SELECT DISTINCT customer_id, date_trunc('day', placed_at, 'UTC') AS day
         FROM orders WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])
     ), breaks AS (
       SELECT customer_id, day,
              CASE WHEN lag(day) OVER w IS NULL OR day >= lag(day) OVER w + $3::interval THEN 1 ELSE 0 END AS starts
         FROM days WINDOW w AS (PARTITION BY customer_id ORDER BY day)
     ), islands AS (
       SELECT customer_id, day, sum(starts) OVER (PARTITION BY customer_id ORDER BY day) AS island FROM breaks
     )
     INSERT INTO activity_spells (tenant_id, customer_id, starts_at, ends_at)
     SELECT $1, customer_id, min(day), max(day) + $3::interval FROM islands GROUP BY customer_id, island`,
    [scope.tenantId, ids, ACTIVE_AFTER_PURCHASE],
  );
  await refreshKpiFacts(scope, kpiFactsOf);
}

/** Adds per-day deltas to the tenant's daily rollups (one statement for a whole batch). */
export async function addToDailyRollups(
  scope: TenantScope,
  deltas: Map<string, { ordersPlaced?: number; revenuePlacedCents?: number; ordersPaid?: number; revenuePaidCents?: number; ordersPaidLate?: number; mrrChangeCents?: number }>,
): Promise<void> {
  const rows = [...deltas.entries()].map(([day, delta]) => ({
    day,
    orders_placed: delta.ordersPlaced ?? 0,
    revenue_placed: (delta.revenuePlacedCents ?? 0) / 100,
    orders_paid: delta.ordersPaid ?? 0,
    revenue_paid: (delta.revenuePaidCents ?? 0) / 100,
    orders_paid_late: delta.ordersPaidLate ?? 0,
    mrr_change: (delta.mrrChangeCents ?? 0) / 100,
  }));
  if (rows.length === 0) return;
  await scope.manager.query(
    `INSERT INTO daily_rollups (tenant_id, day, orders_placed, revenue_placed, orders_paid, revenue_paid, orders_paid_late, mrr_change)
     SELECT $1, r.day, r.orders_placed, r.revenue_placed, r.orders_paid, r.revenue_paid, r.orders_paid_late, r.mrr_change
       FROM jsonb_to_recordset($2::jsonb)
         AS r(day date, orders_placed int, revenue_placed numeric, orders_paid int, revenue_paid numeric, orders_paid_late int, mrr_change numeric)
      -- Rows locked in day order: chunks of two partitions adding to the same days deadlocked otherwise.
      ORDER BY r.day
     ON CONFLICT (tenant_id, day) DO UPDATE
       SET orders_placed = daily_rollups.orders_placed + excluded.orders_placed,
           revenue_placed = daily_rollups.revenue_placed + excluded.revenue_placed,
           orders_paid = daily_rollups.orders_paid + excluded.orders_paid,
           revenue_paid = daily_rollups.revenue_paid + excluded.revenue_paid,
           orders_paid_late = daily_rollups.orders_paid_late + excluded.orders_paid_late,
           mrr_change = daily_rollups.mrr_change + excluded.mrr_change`,
    [scope.tenantId, JSON.stringify(rows)],
  );
}

export type RollupDelta = Parameters<typeof addToDailyRollups>[1] extends Map<string, infer Delta> ? Delta : never;

export function addDelta(deltas: Map<string, RollupDelta>, day: string, delta: RollupDelta): void {
  const current = deltas.get(day) ?? {};
  for (const [key, value] of Object.entries(delta) as [keyof RollupDelta, number][]) current[key] = (current[key] ?? 0) + value;
  deltas.set(day, current);
}
