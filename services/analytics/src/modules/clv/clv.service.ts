import { badInput, requireRole, withTenant, type AuthContext, type Role } from '@rapport/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParams } from './bgnbd.js';
import { expectedSpend, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.js';
import { customerHistories, utcDay, WEEKS_PER_MONTH, type PurchaseDay } from './purchase-history.js';

/** Who may refit the model (`requireRole` admits admin on top). */
export const CLV_FITTERS: readonly Role[] = ['analyst'];
/** Who may read the fitted model. */
export const CLV_READERS: readonly Role[] = ['analyst', 'sales', 'marketing', 'support'];

/** Money when a tenant has no order to take a currency from. */
export const FALLBACK_CURRENCY = 'USD';
/** Simple CLV's lifespan before any refit, and its ceiling (a tenant with almost no churn). */
export const DEFAULT_LIFESPAN_YEARS = 1;
export const MAX_LIFESPAN_YEARS = 10;
const DAYS_PER_YEAR = 365.25;

export interface ClvModelRecord {
  calibrationEnd: Date;
  fittedAt: Date;
  customers: number;
  repeaters: number;
  bgNbd: BgNbdParams;
  logLikelihood: number;
  gammaGamma: GammaGammaParams | null;
  expectedLifespanYears: number;
  currency: string;
}

interface ClvModelRow {
  calibration_end: Date;
  fitted_at: Date;
  customers: number;
  repeaters: number;
  r: number;
  alpha: number;
  a: number;
  b: number;
  log_likelihood: number;
  p: number | null;
  q: number | null;
  gamma: number | null;
  expected_lifespan_years: number;
  currency: string;
}

const toRecord = (row: ClvModelRow): ClvModelRecord => ({
  calibrationEnd: row.calibration_end,
  fittedAt: row.fitted_at,
  customers: row.customers,
  repeaters: row.repeaters,
  bgNbd: { r: row.r, alpha: row.alpha, a: row.a, b: row.b },
  logLikelihood: row.log_likelihood,
  gammaGamma: row.p === null || row.q === null || row.gamma === null ? null : { p: row.p, q: row.q, gamma: row.gamma },
  expectedLifespanYears: row.expected_lifespan_years,
  currency: row.currency,
});

/** The tenant's fitted model, or null before its first refit. */
export async function loadClvModel(manager: EntityManager, tenantId: string): Promise<ClvModelRecord | null> {
  const rows: ClvModelRow[] = await manager.query(`SELECT * FROM clv_models WHERE tenant_id = $1`, [tenantId]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * The tenant's reference time: the calibration end of its last refit, else `now` (which the
 * caller passes, so that no metric reads a clock of its own).
 */
export async function referenceTime(manager: EntityManager, tenantId: string, now: Date): Promise<Date> {
  return (await loadClvModel(manager, tenantId))?.calibrationEnd ?? now;
}

/**
 * Purchases up to `until` (inclusive), one row per customer and UTC day: every order placed
 * that day is one purchase whose amount is the sum of the orders (placed value, paid or not).
 * Orders of a merged customer count for its survivor.
 */
export async function loadPurchaseDays(manager: EntityManager, tenantId: string, until: Date): Promise<PurchaseDay[]> {
  const rows: { customer_id: string; day: string; amount: number }[] = await manager.query(
    `SELECT coalesce(alias.survivor_id, o.customer_id) AS customer_id, to_char(o.placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
            sum(o.amount)::float8 AS amount
       FROM orders o LEFT JOIN customer_aliases alias ON alias.tenant_id = o.tenant_id AND alias.merged_id = o.customer_id
      WHERE o.tenant_id = $1 AND o.placed_at <= $2
      GROUP BY 1, 2`,
    [tenantId, until],
  );
  return rows.map((row) => ({ customerId: row.customer_id, day: row.day, amount: row.amount }));
}

/**
 * Simple CLV's lifespan: 1 / annual churn, where annual churn is the share of customers who had
 * bought at least a year before the reference day and have not bought in the year up to it.
 */
export function expectedLifespanYears(days: readonly PurchaseDay[], referenceDay: string): number {
  const yearBefore = utcDay(new Date(Date.parse(`${referenceDay}T00:00:00Z`) - DAYS_PER_YEAR * 86_400_000));
  const spans = new Map<string, { first: string; last: string }>();
  for (const { customerId, day } of days) {
    if (day > referenceDay) continue;
    const span = spans.get(customerId);
    if (!span) spans.set(customerId, { first: day, last: day });
    else {
      if (day < span.first) span.first = day;
      if (day > span.last) span.last = day;
    }
  }
  let atRisk = 0;
  let lost = 0;
  for (const { first, last } of spans.values()) {
    if (first > yearBefore) continue;
    atRisk += 1;
    if (last <= yearBefore) lost += 1;
  }
  if (atRisk === 0) return DEFAULT_LIFESPAN_YEARS;
  return lost === 0 ? MAX_LIFESPAN_YEARS : Math.min(MAX_LIFESPAN_YEARS, atRisk / lost);
}

function parseCalibrationEnd(value: unknown, now: Date): Date {
  if (value === undefined || value === null) return now;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw badInput('input.calibrationEnd', 'calibrationEnd must be an ISO-8601 date-time');
  if (date.getTime() > now.getTime()) throw badInput('input.calibrationEnd', 'calibrationEnd cannot be in the future: the model is fitted on data up to it');
  return date;
}

/**
 * Fits BG/NBD and Gamma-Gamma on the tenant's purchases up to `calibrationEnd` (default: now,
 * stored explicitly) and stores the model, whose calibration end becomes the tenant's reference
 * time for predictions. The fit runs outside any transaction; the model is written in one.
 */
export async function refitClvModel(dataSource: DataSource, auth: AuthContext, input: { calibrationEnd?: unknown } | null | undefined, now = new Date()): Promise<ClvModelRecord> {
  requireRole(auth, CLV_FITTERS);
  const calibrationEnd = parseCalibrationEnd(input?.calibrationEnd, now);
  const referenceDay = utcDay(calibrationEnd);
  const { days, currency } = await withTenant(dataSource, auth.tenantId, async (scope) => {
    const currencies: { currency: string }[] = await scope.manager.query(
      `SELECT currency FROM orders WHERE tenant_id = $1 AND placed_at <= $2 GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1`,
      [auth.tenantId, calibrationEnd],
    );
    return { days: await loadPurchaseDays(scope.manager, auth.tenantId, calibrationEnd), currency: currencies[0]?.currency ?? FALLBACK_CURRENCY };
  });
  const histories = customerHistories(days, referenceDay);
  if (histories.length === 0) throw badInput('input.calibrationEnd', 'no purchase up to calibrationEnd: there is nothing to fit the model on');
  const bgNbd = fitBgNbd(histories);
  let gammaGamma: { params: GammaGammaParams; customers: number } | null = null;
  try {
    const fit = fitGammaGamma(histories);
    // q ≤ 1 means an infinite mean spend: no usable spend model.
    if (fit.params.q > 1) gammaGamma = fit;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  const record: ClvModelRecord = {
    calibrationEnd,
    fittedAt: now,
    customers: bgNbd.customers,
    repeaters: bgNbd.repeaters,
    bgNbd: bgNbd.params,
    logLikelihood: bgNbd.logLikelihood,
    gammaGamma: gammaGamma?.params ?? null,
    expectedLifespanYears: expectedLifespanYears(days, referenceDay),
    currency,
  };
  await withTenant(dataSource, auth.tenantId, (scope) =>
    scope.manager.query(
      `INSERT INTO clv_models (tenant_id, calibration_end, fitted_at, customers, repeaters, r, alpha, a, b, log_likelihood, p, q, gamma, spend_customers, expected_lifespan_years, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (tenant_id) DO UPDATE SET
         calibration_end = excluded.calibration_end, fitted_at = excluded.fitted_at, customers = excluded.customers, repeaters = excluded.repeaters,
         r = excluded.r, alpha = excluded.alpha, a = excluded.a, b = excluded.b, log_likelihood = excluded.log_likelihood,
         p = excluded.p, q = excluded.q, gamma = excluded.gamma, spend_customers = excluded.spend_customers,
         expected_lifespan_years = excluded.expected_lifespan_years, currency = excluded.currency`,
      [
        auth.tenantId,
        record.calibrationEnd,
        record.fittedAt,
        record.customers,
        record.repeaters,
        record.bgNbd.r,
        record.bgNbd.alpha,
        record.bgNbd.a,
        record.bgNbd.b,
        record.logLikelihood,
        record.gammaGamma?.p ?? null,
        record.gammaGamma?.q ?? null,
        record.gammaGamma?.gamma ?? null,
        gammaGamma?.customers ?? 0,
        record.expectedLifespanYears,
        record.currency,
      ],
    ),
  );
  return record;
}

export async function readClvModel(dataSource: DataSource, auth: AuthContext): Promise<ClvModelRecord | null> {
  requireRole(auth, CLV_READERS);
  return withTenant(dataSource, auth.tenantId, (scope) => loadClvModel(scope.manager, auth.tenantId));
}

/** What analytics knows of one customer's value, as of the tenant's reference time. */
export interface CustomerValue {
  currency: string;
  /** Paid revenue: orders placed and paid up to the reference time. */
  historicalValue: number;
  simpleClv: number;
  probabilityAlive: number;
  expectedPurchases(horizonMonths: number): number;
  predictedClv(horizonMonths: number): number;
}

/**
 * The value of each customer in `customerIds` in one query over their orders (plus the model).
 * A customer with no purchase up to the reference time, or a tenant without a model, expects
 * no purchase and holds P(alive) = 1 (no evidence of a dropout).
 */
export async function customerValues(manager: EntityManager, tenantId: string, customerIds: readonly string[], now: Date): Promise<Map<string, CustomerValue>> {
  const model = await loadClvModel(manager, tenantId);
  const reference = model?.calibrationEnd ?? now;
  const referenceDay = utcDay(reference);
  const rows: { customer_id: string; day: string; amount: number; paid: number; currency: string }[] = customerIds.length
    ? await manager.query(
        `SELECT coalesce(alias.survivor_id, o.customer_id) AS customer_id, to_char(o.placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
                sum(o.amount)::float8 AS amount,
                coalesce(sum(o.amount) FILTER (WHERE o.paid_at IS NOT NULL AND o.paid_at <= $2), 0)::float8 AS paid, max(o.currency) AS currency
           FROM orders o LEFT JOIN customer_aliases alias ON alias.tenant_id = o.tenant_id AND alias.merged_id = o.customer_id
          WHERE o.tenant_id = $1 AND o.placed_at <= $2
            AND o.customer_id = ANY($3::uuid[] || ARRAY(SELECT merged_id FROM customer_aliases WHERE tenant_id = $1 AND survivor_id = ANY($3::uuid[])))
          GROUP BY 1, 2`,
        [tenantId, reference, customerIds],
      )
    : [];
  const paid = new Map<string, number>();
  const placed = new Map<string, number>();
  const currencies = new Map<string, string>();
  for (const row of rows) {
    paid.set(row.customer_id, (paid.get(row.customer_id) ?? 0) + row.paid);
    placed.set(row.customer_id, (placed.get(row.customer_id) ?? 0) + row.amount);
    currencies.set(row.customer_id, row.currency);
  }
  const histories = new Map(customerHistories(rows.map((row) => ({ customerId: row.customer_id, day: row.day, amount: row.amount })), referenceDay).map((history) => [history.customerId, history]));
  const lifespan = model?.expectedLifespanYears ?? DEFAULT_LIFESPAN_YEARS;
  const values = new Map<string, CustomerValue>();
  for (const customerId of customerIds) {
    const history = histories.get(customerId);
    const currency = currencies.get(customerId) ?? model?.currency ?? FALLBACK_CURRENCY;
    const historicalValue = round2(paid.get(customerId) ?? 0);
    if (!history) {
      values.set(customerId, { currency, historicalValue, simpleClv: 0, probabilityAlive: 1, expectedPurchases: () => 0, predictedClv: () => 0 });
      continue;
    }
    const purchases = history.x + 1;
    const total = placed.get(customerId) ?? 0;
    const observedYears = Math.max(1, (history.T * 7) / DAYS_PER_YEAR);
    const simpleClv = round2((total / purchases) * (purchases / observedYears) * lifespan);
    const expected = (months: number) => (model ? expectedPurchases(model.bgNbd, months * WEEKS_PER_MONTH, history) : 0);
    const spend = model?.gammaGamma ? expectedSpend(model.gammaGamma, history) : history.x > 0 ? history.meanSpend : total / purchases;
    values.set(customerId, {
      currency,
      historicalValue,
      simpleClv,
      probabilityAlive: model ? probabilityAlive(model.bgNbd, history) : 1,
      expectedPurchases: expected,
      predictedClv: (months) => round2(expected(months) * spend),
    });
  }
  return values;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
