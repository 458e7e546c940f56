import type { TenantScope } from '@rapport/service-kit';

/**
 * Recomputes what the KPI rollups count per customer (METRICS.md, "KPI rollups"), from the
 * customer's purchase facts, purchase spells and subscriptions:
 * - customer_kpi_facts: acquired at the earlier of the first purchase and the first
 *   subscription start; first and second purchase;
 * - customer_active_spells: when the customer is active, purchase spells and subscriptions each
 *   active on (start, end], merged where they overlap or touch (a running subscription ends at
 *   infinity; one that ended when it started is never active).
 * Only rows that differ are written: the tables' triggers add each change to the rollups.
 * A customer with no fact keeps no row.
 * Call it after any change to those sources (orders via refreshCustomerPurchases,
 * subscriptions, merges).
 */
export async function refreshKpiFacts(scope: TenantScope, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  const ids = [...new Set(customerIds)].sort();
  // The customers' rows first, created if missing, as a lock: a subscription and an order of one
  // customer arrive on two topics and are applied at once; the refresh that locks second reads,
  // in the statements below, what the first committed, so the last one to commit sees both.
  await scope.manager.query(
    `INSERT INTO customer_kpi_facts (tenant_id, customer_id) SELECT $1, unnest($2::uuid[])
     ON CONFLICT (tenant_id, customer_id) DO UPDATE SET acquired_at = excluded.acquired_at WHERE false`,
    [scope.tenantId, ids],
  );
  await scope.manager.query(
    // Every table read by key (= ANY): a join on the id list could scan a large tenant's whole table.
    `WITH purchases AS (
       SELECT customer_id, first_purchase_at, second_purchase_at FROM customers WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])
     ), subscribed AS (
       SELECT customer_id, min(started_at) AS first_started_at FROM subscriptions WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) GROUP BY customer_id
     ), wanted AS (
       SELECT ids.customer_id, least(p.first_purchase_at, s.first_started_at) AS acquired_at, p.first_purchase_at, p.second_purchase_at
         FROM unnest($2::uuid[]) AS ids(customer_id) LEFT JOIN purchases p USING (customer_id) LEFT JOIN subscribed s USING (customer_id)
     ), removed AS (
       DELETE FROM customer_kpi_facts f USING wanted w
        WHERE f.tenant_id = $1 AND f.customer_id = ANY($2::uuid[]) AND f.customer_id = w.customer_id AND w.acquired_at IS NULL
     )
     UPDATE customer_kpi_facts f
        SET acquired_at = w.acquired_at, first_purchase_at = w.first_purchase_at, second_purchase_at = w.second_purchase_at
       FROM wanted w
      WHERE f.tenant_id = $1 AND f.customer_id = ANY($2::uuid[]) AND f.customer_id = w.customer_id AND w.acquired_at IS NOT NULL
        AND (f.acquired_at, f.first_purchase_at, f.second_purchase_at) IS DISTINCT FROM (w.acquired_at, w.first_purchase_at, w.second_purchase_at)`,
    [scope.tenantId, ids],
  );
  // Keyed by start: a spell whose start is gone is deleted, one whose end moved is updated.
  await scope.manager.query(
    `WITH spans AS (
       SELECT customer_id, starts_at AS s, ends_at AS e FROM activity_spells WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])
       UNION ALL
       SELECT customer_id, started_at, coalesce(ended_at, 'infinity') FROM subscriptions
        WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND coalesce(ended_at, 'infinity') > started_at
     ), marked AS (
       SELECT customer_id, s, e,
              CASE WHEN s <= max(e) OVER (PARTITION BY customer_id ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS opens
         FROM spans
     ), islands AS (
       SELECT customer_id, s, e, sum(opens) OVER (PARTITION BY customer_id ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island FROM marked
     ), merged AS (
       SELECT customer_id, min(s) AS starts_at, max(e) AS ends_at FROM islands GROUP BY customer_id, island
     ), removed AS (
       -- EXCEPT hashes: an anti-join planned from a small row estimate rescanned merged for every spell.
       DELETE FROM customer_active_spells a
        USING (SELECT customer_id, starts_at FROM customer_active_spells WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])
               EXCEPT SELECT customer_id, starts_at FROM merged) gone
        WHERE a.tenant_id = $1 AND a.customer_id = gone.customer_id AND a.starts_at = gone.starts_at
     )
     INSERT INTO customer_active_spells (tenant_id, customer_id, starts_at, ends_at)
     SELECT $1, customer_id, starts_at, ends_at FROM merged ORDER BY customer_id, starts_at
     ON CONFLICT (tenant_id, customer_id, starts_at) DO UPDATE SET ends_at = excluded.ends_at WHERE customer_active_spells.ends_at <> excluded.ends_at`,
    [scope.tenantId, ids],
  );
}
