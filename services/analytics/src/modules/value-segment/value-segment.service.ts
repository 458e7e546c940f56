import { badInput, requireRole, withTenant, type AuthContext, type Role, type TenantScope } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { customerValues, FALLBACK_CURRENCY, referenceTime } from '../clv/clv.service.js';

export const VALUE_QUADRANTS = ['INVEST', 'PROTECT', 'DEVELOP', 'SERVE_EFFICIENTLY'] as const;
export type ValueQuadrant = (typeof VALUE_QUADRANTS)[number];

/** Months of revenue behind the current value, and of prediction behind the potential value. */
export const VALUE_HORIZON_MONTHS = 12;

export interface ValueSegmentThresholds {
  current: number | null;
  potential: number | null;
}

export interface StoredValueSegmentSettings extends ValueSegmentThresholds {
  updatedAt: Date | null;
}

export async function loadValueSegmentSettings(scope: TenantScope): Promise<StoredValueSegmentSettings> {
  const [row]: { current_value_threshold: string | null; potential_value_threshold: string | null; updated_at: Date }[] = await scope.manager.query(
    `SELECT current_value_threshold::text, potential_value_threshold::text, updated_at FROM value_segment_settings WHERE tenant_id = $1`,
    [scope.tenantId],
  );
  return {
    current: row?.current_value_threshold == null ? null : Number(row.current_value_threshold),
    potential: row?.potential_value_threshold == null ? null : Number(row.potential_value_threshold),
    updatedAt: row?.updated_at ?? null,
  };
}

/** The middle value (mean of the two middle ones for an even count) of the positive values; null when none. */
export function medianOfPositive(values: readonly number[]): number | null {
  const sorted = values.filter((value) => value > 0).sort((left, right) => left - right);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * A value is high when it is above zero and at or above the threshold. A customer with no value
 * is never high: at the median of all customers, a tenant where most have bought nothing would
 * otherwise call everyone high.
 */
export function quadrantOf(current: number, potential: number, thresholds: { current: number | null; potential: number | null }): ValueQuadrant {
  const high = (value: number, threshold: number | null) => value > 0 && threshold !== null && value >= threshold;
  const highCurrent = high(current, thresholds.current);
  const highPotential = high(potential, thresholds.potential);
  if (highCurrent) return highPotential ? 'INVEST' : 'PROTECT';
  return highPotential ? 'DEVELOP' : 'SERVE_EFFICIENTLY';
}

/** The currency the tenant's orders are mostly in. */
export async function tenantCurrency(scope: TenantScope): Promise<string> {
  const [row]: { currency: string }[] = await scope.manager.query(
    `SELECT currency FROM orders WHERE tenant_id = $1 GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1`,
    [scope.tenantId],
  );
  return row?.currency ?? FALLBACK_CURRENCY;
}

/**
 * Segments every customer of the tenant as of `asOf` into customer_segments (which `kpis`
 * joins for its segment filter): current value = paid revenue of the 12 months up to `asOf`,
 * potential value = the CLV model's predicted 12-month value. Medians move with every
 * customer, so the whole tenant is segmented at once, in the caller's transaction.
 */
export async function recomputeValueSegments(scope: TenantScope, asOf: Date): Promise<number> {
  const { tenantId, manager } = scope;
  const customers: { customer_id: string; current_value: number }[] = await manager.query(
    `SELECT c.customer_id, coalesce(o.revenue, 0)::float8 AS current_value
       FROM customers c
       LEFT JOIN (
         SELECT customer_id, sum(coalesce(paid_amount, amount)) AS revenue
           FROM orders
          WHERE tenant_id = $1 AND paid_at > $2::timestamptz - interval '12 months' AND paid_at <= $2
          GROUP BY customer_id
       ) o ON o.customer_id = c.customer_id
      WHERE c.tenant_id = $1
        AND NOT EXISTS (SELECT 1 FROM customer_aliases a WHERE a.tenant_id = c.tenant_id AND a.merged_id = c.customer_id)`,
    [tenantId, asOf],
  );
  if (customers.length === 0) return 0;
  const values = await customerValues(
    manager,
    tenantId,
    customers.map((row) => row.customer_id),
    asOf,
  );
  const rows = customers.map((row) => ({
    customer_id: row.customer_id,
    current_value: Math.round(row.current_value * 100) / 100,
    potential_value: values.get(row.customer_id)?.predictedClv(VALUE_HORIZON_MONTHS) ?? 0,
  }));
  const settings = await loadValueSegmentSettings(scope);
  const thresholds = {
    current: settings.current ?? medianOfPositive(rows.map((row) => row.current_value)),
    potential: settings.potential ?? medianOfPositive(rows.map((row) => row.potential_value)),
  };
  await manager.query(
    `INSERT INTO customer_segments (tenant_id, customer_id, quadrant, current_value, potential_value, updated_at)
     SELECT $1, r.customer_id, r.quadrant, r.current_value, r.potential_value, now()
       FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, quadrant text, current_value numeric, potential_value numeric)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET quadrant = excluded.quadrant, current_value = excluded.current_value, potential_value = excluded.potential_value, updated_at = excluded.updated_at`,
    [tenantId, JSON.stringify(rows.map((row) => ({ ...row, quadrant: quadrantOf(row.current_value, row.potential_value, thresholds) })))],
  );
  return rows.length;
}

export interface ValueSegmentModel {
  quadrant: ValueQuadrant;
  currentValue: { amount: number; currency: string };
  potentialValue: { amount: number; currency: string };
}

/** The stored segment of many customers in one query; customers not segmented yet are SERVE_EFFICIENTLY at zero. */
export async function valueSegmentsOf(scope: TenantScope, customerIds: readonly string[]): Promise<Map<string, ValueSegmentModel>> {
  const currency = await tenantCurrency(scope);
  const rows: { customer_id: string; quadrant: ValueQuadrant; current_value: number; potential_value: number }[] = customerIds.length
    ? await scope.manager.query(
        `SELECT customer_id, quadrant, current_value::float8 AS current_value, potential_value::float8 AS potential_value
           FROM customer_segments WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`,
        [scope.tenantId, [...customerIds]],
      )
    : [];
  const found = new Map(rows.map((row) => [row.customer_id, row]));
  return new Map(
    customerIds.map((id) => {
      const row = found.get(id);
      return [
        id,
        {
          quadrant: row?.quadrant ?? 'SERVE_EFFICIENTLY',
          currentValue: { amount: row?.current_value ?? 0, currency },
          potentialValue: { amount: row?.potential_value ?? 0, currency },
        },
      ];
    }),
  );
}

export async function segmentSummary(
  dataSource: DataSource,
  auth: AuthContext,
): Promise<{ quadrant: ValueQuadrant; customers: number; revenue: { amount: number; currency: string } }[]> {
  requireRole(auth, SEGMENT_READERS);
  return withTenant(dataSource, auth.tenantId, async (scope) => {
    const currency = await tenantCurrency(scope);
    const rows: { quadrant: ValueQuadrant; customers: number; revenue: number }[] = await scope.manager.query(
      `SELECT quadrant, count(*)::int AS customers, coalesce(sum(current_value), 0)::float8 AS revenue
         FROM customer_segments WHERE tenant_id = $1 GROUP BY quadrant`,
      [scope.tenantId],
    );
    const byQuadrant = new Map(rows.map((row) => [row.quadrant, row]));
    return VALUE_QUADRANTS.map((quadrant) => ({
      quadrant,
      customers: byQuadrant.get(quadrant)?.customers ?? 0,
      revenue: { amount: Math.round((byQuadrant.get(quadrant)?.revenue ?? 0) * 100) / 100, currency },
    }));
  });
}

export const SEGMENT_READERS: readonly Role[] = ['analyst', 'sales', 'marketing', 'support'];

export async function readValueSegmentSettings(dataSource: DataSource, auth: AuthContext): Promise<StoredValueSegmentSettings> {
  requireRole(auth, SEGMENT_READERS);
  return withTenant(dataSource, auth.tenantId, loadValueSegmentSettings);
}

/** Stores where the quadrants split (null: at the median) and segments the tenant again at once. */
export async function configureValueSegments(
  dataSource: DataSource,
  auth: AuthContext,
  input: { currentValueThreshold?: number | null; potentialValueThreshold?: number | null },
  now = new Date(),
): Promise<{ settings: StoredValueSegmentSettings; segmented: number }> {
  requireRole(auth, []);
  const check = (value: number | null | undefined, field: string) => {
    if (value === null || value === undefined) return null;
    if (!Number.isFinite(value) || value < 0 || value > 1e12) throw badInput(field, `${field} must be a non-negative amount`);
    return Math.round(value * 100) / 100;
  };
  const current = check(input.currentValueThreshold, 'currentValueThreshold');
  const potential = check(input.potentialValueThreshold, 'potentialValueThreshold');
  return withTenant(dataSource, auth.tenantId, async (scope) => {
    await scope.manager.query(
      `INSERT INTO value_segment_settings (tenant_id, current_value_threshold, potential_value_threshold, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id) DO UPDATE
         SET current_value_threshold = excluded.current_value_threshold, potential_value_threshold = excluded.potential_value_threshold,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [scope.tenantId, current, potential, now, auth.memberId],
    );
    const segmented = await recomputeValueSegments(scope, await referenceTime(scope.manager, scope.tenantId, now));
    return { settings: { current, potential, updatedAt: now }, segmented };
  });
}
