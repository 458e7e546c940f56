import { ChurnRiskChangedV1 } from '@rapport/events';
import { recordEvents } from '@rapport/messaging';
import {
  acrossTenants,
  badInput,
  decodeCursor,
  isUuid,
  pageSize,
  requireRole,
  toConnection,
  withTenant,
  type AuthContext,
  type Connection,
  type Role,
  type TenantScope,
} from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { referenceTime } from '../clv/clv.service.js';
import { recomputeValueSegments } from '../value-segment/value-segment.service.js';
import { readChurnInputs } from './churn-risk.inputs.js';
import {
  DEFAULT_CHURN_RISK_SETTINGS,
  SIGNAL_NAMES,
  healthScore,
  scoreChurnRisk,
  type ChurnRisk,
  type ChurnRiskSettings,
  type RiskLevel,
  type SignalName,
  type SignalWeights,
  validateSettings,
} from './churn-risk.score.js';

export const ANALYTICS_PRODUCER = 'analytics';

export interface StoredChurnRiskSettings extends ChurnRiskSettings {
  updatedAt: Date | null;
}

/** The tenant's weights and thresholds, or the documented defaults. */
export async function loadChurnRiskSettings(scope: TenantScope): Promise<StoredChurnRiskSettings> {
  const [row]: { weights: Partial<SignalWeights>; medium_threshold: number; high_threshold: number; updated_at: Date }[] = await scope.manager.query(
    `SELECT weights, medium_threshold, high_threshold, updated_at FROM churn_risk_settings WHERE tenant_id = $1`,
    [scope.tenantId],
  );
  if (!row) return { ...DEFAULT_CHURN_RISK_SETTINGS, updatedAt: null };
  const weights = { ...DEFAULT_CHURN_RISK_SETTINGS.weights };
  // A signal added after the tenant saved its weights starts at its default.
  for (const name of SIGNAL_NAMES) if (typeof row.weights[name] === 'number') weights[name] = row.weights[name];
  return { weights, thresholds: { medium: row.medium_threshold, high: row.high_threshold }, updatedAt: row.updated_at };
}

export interface RecomputeResult {
  customers: number;
  /** Customers whose level changed, each with one ChurnRiskChanged in the outbox. */
  changed: number;
}

/**
 * Scores `customerIds` as of `asOf` in the caller's transaction: stores score, level and
 * signals, the health score, and for every change of level a ChurnRiskChanged in the outbox,
 * so the event exists if and only if the new level is committed. A customer scored for the
 * first time counts as coming from LOW: a first LOW is no news, a first HIGH is.
 */
export async function recomputeChurnRisk(
  scope: TenantScope,
  customerIds: readonly string[],
  asOf: Date,
  settings?: ChurnRiskSettings,
): Promise<RecomputeResult> {
  if (customerIds.length === 0) return { customers: 0, changed: 0 };
  // A merged id is scored as its survivor (its read models were moved there) and loses its own
  // score, so the at-risk list never names a customer twice.
  const aliases: { merged_id: string; survivor_id: string }[] = await scope.manager.query(
    `SELECT merged_id, survivor_id FROM customer_aliases WHERE tenant_id = $1 AND merged_id = ANY($2::uuid[])`,
    [scope.tenantId, [...new Set(customerIds)]],
  );
  if (aliases.length > 0) {
    await scope.manager.query(`DELETE FROM customer_churn_risk WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`, [
      scope.tenantId,
      aliases.map((alias) => alias.merged_id),
    ]);
  }
  const survivorOf = new Map(aliases.map((alias) => [alias.merged_id, alias.survivor_id]));
  // Sorted: every transaction takes the rows below in one order, so two never wait on each other.
  const ids = [...new Set(customerIds.map((id) => survivorOf.get(id) ?? id))].sort();
  const effective = settings ?? (await loadChurnRiskSettings(scope));
  // Locked before the inputs are read, so that two transactions scoring the same customer at
  // once (consumers of two topics, the consumer and the sweep) neither both see the old level
  // and publish the change twice, nor score from inputs read before the other committed its
  // events: the second waits for the first to commit and then reads both. A customer never
  // scored gets a placeholder row first (as_of -infinity, overwritten below) to lock.
  await scope.manager.query(
    `INSERT INTO customer_churn_risk (tenant_id, customer_id, score, level, signals, as_of, computed_at, level_changed_at)
     SELECT $1, customer_id, 0, 'LOW', '[]', '-infinity', now(), now() FROM unnest($2::uuid[]) AS customer_id
     ON CONFLICT (tenant_id, customer_id) DO NOTHING`,
    [scope.tenantId, ids],
  );
  const previous: { customer_id: string; level: RiskLevel; scored: boolean }[] = await scope.manager.query(
    `SELECT customer_id, level, as_of <> '-infinity' AS scored FROM customer_churn_risk
      WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) ORDER BY customer_id FOR UPDATE`,
    [scope.tenantId, ids],
  );
  const previousLevel = new Map(previous.filter((row) => row.scored).map((row) => [row.customer_id, row.level]));
  const inputs = await readChurnInputs(scope, ids, asOf);
  const now = new Date();
  const rows: { customer_id: string; risk: ChurnRisk; health: number; changed: boolean }[] = ids.map((id) => {
    const entry = inputs.get(id)!;
    const risk = scoreChurnRisk(entry.inputs, effective);
    return { customer_id: id, risk, health: healthScore(risk.score, entry.activeWeeksOfLast8), changed: risk.level !== (previousLevel.get(id) ?? 'LOW') };
  });
  await scope.manager.query(
    `INSERT INTO customer_churn_risk (tenant_id, customer_id, score, level, signals, as_of, computed_at, level_changed_at)
     SELECT $1, r.customer_id, r.score, r.level, r.signals, $3, $4, $4
       FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, score double precision, level text, signals jsonb)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET score = excluded.score, signals = excluded.signals, as_of = excluded.as_of, computed_at = excluded.computed_at,
           level_changed_at = CASE WHEN customer_churn_risk.level = excluded.level THEN customer_churn_risk.level_changed_at ELSE excluded.level_changed_at END,
           level = excluded.level`,
    [
      scope.tenantId,
      JSON.stringify(rows.map((row) => ({ customer_id: row.customer_id, score: row.risk.score, level: row.risk.level, signals: row.risk.signals }))),
      asOf,
      now,
    ],
  );
  await scope.manager.query(
    `INSERT INTO customer_metrics (tenant_id, customer_id, health_score, updated_at)
     SELECT $1, r.customer_id, r.health, clock_timestamp() FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, health double precision)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE SET health_score = excluded.health_score`,
    [scope.tenantId, JSON.stringify(rows.map((row) => ({ customer_id: row.customer_id, health: row.health })))],
  );
  const changes = rows.filter((row) => row.changed);
  await recordEvents(
    scope.manager,
    ANALYTICS_PRODUCER,
    ChurnRiskChangedV1,
    changes.map((row) => ({
      tenantId: scope.tenantId,
      customerId: row.customer_id,
      occurredAt: now,
      payload: {
        previousLevel: previousLevel.get(row.customer_id) ?? null,
        level: row.risk.level,
        score: row.risk.score,
        signals: row.risk.signals,
        asOf: asOf.toISOString(),
      },
    })),
  );
  return { customers: ids.length, changed: changes.length };
}

export interface SweepOptions {
  /** The reference time of every score; by default each tenant's own (its CLV calibration end, else `now`). */
  asOf?: Date;
  /** The time of the sweep, for tenants without a reference time of their own. */
  now: Date;
  /** Only these tenants; all tenants the read models know otherwise. */
  tenantIds?: readonly string[];
  /** Customers scored per transaction. */
  chunkSize?: number;
}

export interface SweepResult extends RecomputeResult {
  tenants: number;
  /** Customers placed in a value quadrant. */
  segmented: number;
}

/**
 * Scores every customer of every tenant and segments them again: time passing changes a score
 * with no event at all (a payment becomes overdue, a quiet month becomes a fading customer),
 * and medians move with every customer. One transaction per chunk of customers, so a long sweep
 * holds no lock for long; the segments of a tenant are written in one.
 */
export async function sweepChurnRisk(dataSource: DataSource, options: SweepOptions): Promise<SweepResult> {
  const chunkSize = options.chunkSize ?? 1000;
  const tenantIds =
    options.tenantIds ??
    // Row-level security shows no tenant's rows without one set: finding the tenants is the one cross-tenant read.
    ((await acrossTenants(dataSource, (manager) => manager.query(`SELECT DISTINCT tenant_id FROM customers`))) as { tenant_id: string }[]).map((row) => row.tenant_id);
  const total: SweepResult = { tenants: tenantIds.length, customers: 0, changed: 0, segmented: 0 };
  for (const tenantId of tenantIds) {
    const asOf = options.asOf ?? (await withTenant(dataSource, tenantId, (scope) => referenceTime(scope.manager, tenantId, options.now)));
    const settings = await withTenant(dataSource, tenantId, loadChurnRiskSettings);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const done = await withTenant(dataSource, tenantId, async (scope) => {
        const page: { customer_id: string }[] = await scope.manager.query(
          `SELECT c.customer_id FROM customers c
            WHERE c.tenant_id = $1 AND c.customer_id > $2
              AND NOT EXISTS (SELECT 1 FROM customer_aliases a WHERE a.tenant_id = c.tenant_id AND a.merged_id = c.customer_id)
            ORDER BY c.customer_id LIMIT $3`,
          [tenantId, after, chunkSize],
        );
        if (page.length === 0) return true;
        after = page[page.length - 1]!.customer_id;
        const result = await recomputeChurnRisk(
          scope,
          page.map((row) => row.customer_id),
          asOf,
          settings,
        );
        total.customers += result.customers;
        total.changed += result.changed;
        return page.length < chunkSize;
      });
      if (done) break;
    }
    total.segmented += await withTenant(dataSource, tenantId, (scope) => recomputeValueSegments(scope, asOf));
  }
  return total;
}

/** Who may read churn risk: everyone who works with customers. Settings are changed by admins only. */
export const CHURN_READERS: readonly Role[] = ['analyst', 'sales', 'marketing', 'support'];

export interface ChurnRiskModel extends ChurnRisk {
  asOf: Date | null;
}

export const unscoredChurnRisk = (): ChurnRiskModel => ({ score: 0, level: 'LOW', signals: [], asOf: null });

/** What a customer's metrics show of its churn risk, and the activity it is judged on. */
export interface ChurnView {
  risk: ChurnRiskModel;
  lastActivityAt: Date | null;
}

/** The stored risk and last activity of many customers in one query; customers never scored are LOW. */
export async function churnViewsOf(scope: TenantScope, customerIds: readonly string[]): Promise<Map<string, ChurnView>> {
  const rows: {
    customer_id: string;
    score: number | null;
    level: RiskLevel | null;
    signals: ChurnRisk['signals'] | null;
    as_of: Date | null;
    last_activity_at: Date | null;
  }[] = customerIds.length
    ? await scope.manager.query(
        `SELECT ids.customer_id, r.score, r.level, r.signals, r.as_of, greatest(c.last_activity_at, c.last_purchase_at) AS last_activity_at
           FROM unnest($2::uuid[]) AS ids(customer_id)
           LEFT JOIN customer_churn_risk r ON r.tenant_id = $1 AND r.customer_id = ids.customer_id
           LEFT JOIN customers c ON c.tenant_id = $1 AND c.customer_id = ids.customer_id`,
        [scope.tenantId, [...new Set(customerIds)]],
      )
    : [];
  return new Map(
    rows.map((row) => [
      row.customer_id,
      {
        risk: row.level === null ? unscoredChurnRisk() : { score: row.score!, level: row.level, signals: row.signals!, asOf: row.as_of },
        lastActivityAt: row.last_activity_at,
      },
    ]),
  );
}

export async function readChurnRiskSettings(dataSource: DataSource, auth: AuthContext): Promise<StoredChurnRiskSettings> {
  requireRole(auth, CHURN_READERS);
  return withTenant(dataSource, auth.tenantId, loadChurnRiskSettings);
}

/** GraphQL field names of the weights, in SIGNAL_NAMES order. */
export const WEIGHT_FIELDS: Record<SignalName, string> = {
  FALLING_USAGE: 'fallingUsage',
  LATE_PAYMENTS: 'latePayments',
  SUPPORT_FRICTION: 'supportFriction',
  FADING_ENGAGEMENT: 'fadingEngagement',
  LOW_SATISFACTION: 'lowSatisfaction',
  SUBSCRIPTION_CONTRACTION: 'subscriptionContraction',
  LOW_PURCHASE_EXPECTATION: 'lowPurchaseExpectation',
};

export interface ConfigureChurnRiskCommand {
  weights?: Partial<Record<string, number | null>> | null;
  mediumThreshold?: number | null;
  highThreshold?: number | null;
}

/**
 * Stores the tenant's settings (omitted parts keep their value) and rescores every customer of
 * the tenant with them in the same transaction, so levels, events and settings always agree.
 */
export async function configureChurnRisk(
  dataSource: DataSource,
  auth: AuthContext,
  input: ConfigureChurnRiskCommand,
  now = new Date(),
): Promise<{ settings: StoredChurnRiskSettings; rescored: number }> {
  requireRole(auth, []);
  return withTenant(dataSource, auth.tenantId, async (scope) => {
    const current = await loadChurnRiskSettings(scope);
    const weights = { ...current.weights };
    for (const name of SIGNAL_NAMES) {
      const value = input.weights?.[WEIGHT_FIELDS[name]];
      if (value !== undefined && value !== null) weights[name] = value;
    }
    const next: ChurnRiskSettings = {
      weights,
      thresholds: { medium: input.mediumThreshold ?? current.thresholds.medium, high: input.highThreshold ?? current.thresholds.high },
    };
    const problem = validateSettings(next);
    if (problem) {
      const [field, reason] = problem;
      const graphField = field.startsWith('weights.')
        ? `weights.${WEIGHT_FIELDS[field.slice('weights.'.length) as SignalName]}`
        : field === 'thresholds.medium'
          ? 'mediumThreshold'
          : field === 'thresholds.high'
            ? 'highThreshold'
            : field;
      throw badInput(graphField, reason);
    }
    await scope.manager.query(
      `INSERT INTO churn_risk_settings (tenant_id, weights, medium_threshold, high_threshold, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id) DO UPDATE
         SET weights = excluded.weights, medium_threshold = excluded.medium_threshold, high_threshold = excluded.high_threshold,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [scope.tenantId, JSON.stringify(next.weights), next.thresholds.medium, next.thresholds.high, now, auth.memberId],
    );
    const asOf = await referenceTime(scope.manager, scope.tenantId, now);
    const customers: { customer_id: string }[] = await scope.manager.query(
      `SELECT c.customer_id FROM customers c
        WHERE c.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM customer_aliases a WHERE a.tenant_id = c.tenant_id AND a.merged_id = c.customer_id)`,
      [scope.tenantId],
    );
    let rescored = 0;
    for (let index = 0; index < customers.length; index += 1000) {
      const result = await recomputeChurnRisk(
        scope,
        customers.slice(index, index + 1000).map((row) => row.customer_id),
        asOf,
        next,
      );
      rescored += result.customers;
    }
    return { settings: { ...next, updatedAt: now }, rescored };
  });
}

/** Customers at `level`, highest score first, as Customer references (contacts resolves the rest). */
export async function atRiskCustomers(
  dataSource: DataSource,
  auth: AuthContext,
  args: { level?: RiskLevel | null; first?: number | null; after?: string | null },
): Promise<Connection<{ id: string }>> {
  requireRole(auth, CHURN_READERS);
  const level = args.level ?? 'HIGH';
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  const cursorScore = cursor === undefined ? undefined : Number(cursor.sortValue);
  if (cursor && (!Number.isFinite(cursorScore) || !isUuid(cursor.id))) throw badInput('after', 'cursor is not one this API issued');
  return withTenant(dataSource, auth.tenantId, async (scope) => {
    const rows: { customer_id: string; score: number }[] = await scope.manager.query(
      `SELECT customer_id, score FROM customer_churn_risk
        WHERE tenant_id = $1 AND level = $2 ${cursor ? 'AND (score < $4 OR (score = $4 AND customer_id > $5))' : ''}
        ORDER BY score DESC, customer_id LIMIT $3`,
      cursor ? [scope.tenantId, level, limit + 1, cursorScore, cursor.id] : [scope.tenantId, level, limit + 1],
    );
    const [count] = (await scope.manager.query(`SELECT count(*)::int AS total FROM customer_churn_risk WHERE tenant_id = $1 AND level = $2`, [
      scope.tenantId,
      level,
    ])) as { total: number }[];
    return toConnection(
      rows,
      limit,
      count?.total ?? 0,
      (row) => ({ sortValue: String(row.score), id: row.customer_id }),
      (row) => ({ id: row.customer_id }),
    );
  });
}
