import { badInput, isUuid, type TenantScope } from '@rapport/service-kit';
import { ratio, tenantCurrency, type MoneyModel, type Period } from '../kpis/kpis.service.js';

const money = (amount: number, currency: string): MoneyModel => ({ amount: Math.round(amount * 100) / 100, currency });
const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export interface CohortModel {
  month: string;
  size: number;
  retention: number[];
}

export const MAX_COHORT_MONTHS = 60;

/**
 * Retention by first-purchase month (UTC): of the customers whose first purchase fell in a
 * month of [from, to), the share buying in each month k after it (k = 0 is the first month, so
 * 1). Only months that began before `to` are reported: a later month is unknown, not zero.
 */
export async function cohorts(scope: TenantScope, period: Period, months: number): Promise<CohortModel[]> {
  if (!Number.isInteger(months) || months < 1 || months > MAX_COHORT_MONTHS) throw badInput('months', `months must be an integer from 1 to ${MAX_COHORT_MONTHS}`);
  const rows: { month: string; size: number; offset: number; buyers: number }[] = await scope.manager.query(
    `WITH members AS (
       SELECT customer_id, date_trunc('month', first_purchase_at, 'UTC') AS cohort
         FROM customers WHERE tenant_id = $1 AND first_purchase_at >= $2 AND first_purchase_at < $3
     ), activity AS (
       SELECT DISTINCT m.customer_id, m.cohort,
              ((extract(year FROM date_trunc('month', o.placed_at, 'UTC')) - extract(year FROM m.cohort)) * 12
                + extract(month FROM date_trunc('month', o.placed_at, 'UTC')) - extract(month FROM m.cohort))::int AS offset_months
         FROM members m JOIN orders o ON o.tenant_id = $1 AND o.customer_id = m.customer_id AND o.placed_at < $3
     ), sizes AS (SELECT cohort, count(*)::int AS size FROM members GROUP BY cohort)
     SELECT to_char(s.cohort, 'YYYY-MM') AS month, s.size, a.offset_months AS offset, count(a.customer_id)::int AS buyers
       FROM sizes s LEFT JOIN activity a ON a.cohort = s.cohort AND a.offset_months >= 0 AND a.offset_months < $4
      GROUP BY s.cohort, s.size, a.offset_months ORDER BY s.cohort`,
    [scope.tenantId, period.from, period.to, months],
  );
  const byMonth = new Map<string, CohortModel & { buyers: Map<number, number> }>();
  for (const row of rows) {
    const cohort = byMonth.get(row.month) ?? { month: row.month, size: row.size, retention: [], buyers: new Map<number, number>() };
    if (row.offset !== null) cohort.buyers.set(row.offset, row.buyers);
    byMonth.set(row.month, cohort);
  }
  const toMonth = monthIndex(period.to.toISOString().slice(0, 7)) + (isMonthStart(period.to) ? 0 : 1);
  return [...byMonth.values()].map(({ month, size, buyers }) => {
    const begun = Math.min(months, toMonth - monthIndex(month));
    return { month, size, retention: Array.from({ length: begun }, (_value, offset) => (buyers.get(offset) ?? 0) / size) };
  });
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const isMonthStart = (at: Date) => at.getUTCDate() === 1 && at.getUTCHours() === 0 && at.getUTCMinutes() === 0 && at.getUTCSeconds() === 0 && at.getUTCMilliseconds() === 0;

export interface ForecastMonthModel {
  month: string;
  weightedPipeline: MoneyModel;
  recurring: MoneyModel;
  total: MoneyModel;
}

export const MAX_FORECAST_MONTHS = 36;

/**
 * For each of `months` months from the month of `asOf`: open deals' amount x their stage's
 * probability, by expected close month (open deals expected earlier or without a date count
 * in the first month: they are still expected), plus the MRR as of `asOf`, assumed to continue.
 */
export async function revenueForecast(scope: TenantScope, months: number, asOf: Date): Promise<ForecastMonthModel[]> {
  if (!Number.isInteger(months) || months < 1 || months > MAX_FORECAST_MONTHS) throw badInput('months', `months must be an integer from 1 to ${MAX_FORECAST_MONTHS}`);
  const currency = await tenantCurrency(scope);
  const [recurring]: { mrr: string | null }[] = await scope.manager.query(
    `SELECT sum(mrr) AS mrr FROM (
       SELECT DISTINCT ON (customer_id) customer_mrr_after AS mrr FROM mrr_movements
        WHERE tenant_id = $1 AND occurred_at <= $2 ORDER BY customer_id, occurred_at DESC, event_id) latest`,
    [scope.tenantId, asOf],
  );
  const first = monthIndex(asOf.toISOString().slice(0, 7));
  const weighted: { month_offset: number; weighted: string }[] = await scope.manager.query(
    `SELECT greatest(0, coalesce(
              ((extract(year FROM expected_close_at AT TIME ZONE 'UTC') * 12 + extract(month FROM expected_close_at AT TIME ZONE 'UTC') - 1) - $3)::int, 0)) AS month_offset,
            sum(amount * probability) AS weighted
       FROM deals
      WHERE tenant_id = $1 AND created_at <= $2 AND (status = 'OPEN' OR closed_at > $2)
      GROUP BY 1`,
    [scope.tenantId, asOf, first],
  );
  const byOffset = new Map(weighted.map((row) => [Number(row.month_offset), Number(row.weighted)]));
  const mrr = Number(recurring?.mrr ?? 0);
  return Array.from({ length: months }, (_value, offset) => {
    const index = first + offset;
    const pipeline = byOffset.get(offset) ?? 0;
    return {
      month: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
      weightedPipeline: money(pipeline, currency),
      recurring: money(mrr, currency),
      total: money(pipeline + mrr, currency),
    };
  });
}

export interface FunnelStepModel {
  stageId: string;
  stageName: string;
  probability: number;
  entered: number;
  converted: number;
  conversionRate: number | null;
  avgDaysInStage: number | null;
}

/**
 * Stages in funnel order (the events carry no position: by win probability, then by when the
 * stage was first entered). A deal converted from a stage when it later entered a stage further
 * down the funnel, or was won. Days in a stage run from entering it to the next entry or the close.
 */
export async function pipelineFunnel(scope: TenantScope, pipelineId: string | null): Promise<FunnelStepModel[]> {
  if (pipelineId !== null && !isUuid(pipelineId)) return [];
  const rows: { stage_id: string; name: string; probability: number; entered: number; converted: number; avg_days: string | null }[] = await scope.manager.query(
    `WITH ordered_stages AS (
       SELECT s.stage_id, s.name, s.probability,
              row_number() OVER (ORDER BY s.probability, (SELECT min(h.entered_at) FROM deal_stage_history h WHERE h.tenant_id = $1 AND h.stage_id = s.stage_id), s.stage_id) AS position
         FROM stages s WHERE s.tenant_id = $1 AND ($2::uuid IS NULL OR s.pipeline_id = $2::uuid)
     ), entries AS (
       SELECT h.deal_id, h.stage_id, h.entered_at, st.position,
              lead(h.entered_at) OVER (PARTITION BY h.deal_id ORDER BY h.entered_at, h.stage_id) AS left_at
         FROM deal_stage_history h JOIN ordered_stages st ON st.stage_id = h.stage_id
        WHERE h.tenant_id = $1
     ), per_stage AS (
       SELECT e.stage_id,
              count(DISTINCT e.deal_id)::int AS entered,
              count(DISTINCT e.deal_id) FILTER (WHERE d.status = 'WON' OR EXISTS (
                SELECT 1 FROM entries later WHERE later.deal_id = e.deal_id AND later.entered_at > e.entered_at AND later.position > e.position))::int AS converted,
              avg(extract(epoch FROM coalesce(e.left_at, d.closed_at) - e.entered_at) / 86400) AS avg_days
         FROM entries e JOIN deals d ON d.tenant_id = $1 AND d.deal_id = e.deal_id
        GROUP BY e.stage_id
     )
     SELECT st.stage_id, st.name, st.probability, coalesce(p.entered, 0) AS entered, coalesce(p.converted, 0) AS converted, p.avg_days
       FROM ordered_stages st LEFT JOIN per_stage p ON p.stage_id = st.stage_id
      ORDER BY st.position`,
    [scope.tenantId, pipelineId],
  );
  return rows.map((row) => ({
    stageId: row.stage_id,
    stageName: row.name,
    probability: Number(row.probability),
    entered: row.entered,
    converted: row.converted,
    conversionRate: ratio(row.converted, row.entered),
    avgDaysInStage: toNumber(row.avg_days),
  }));
}

export interface ProductAffinityModel {
  productId: string;
  customers: number;
  share: number;
  medianDaysAfter: number;
}

/**
 * For the customers who bought `productId`: from their first order of it, the next order (later
 * in time) with any other product; each product of that order is a "next product". Share is over
 * every buyer of `productId`, including those who bought nothing else since.
 */
export async function nextProducts(scope: TenantScope, productId: string): Promise<ProductAffinityModel[]> {
  if (!isUuid(productId)) throw badInput('productId', 'productId is not a valid id');
  const rows: { product_id: string; customers: number; buyers: number; median_days: string }[] = await scope.manager.query(
    `WITH first_buy AS (
       SELECT customer_id, min(placed_at) AS bought_at FROM order_lines WHERE tenant_id = $1 AND product_id = $2 GROUP BY customer_id
     ), next_order AS (
       SELECT DISTINCT ON (f.customer_id) f.customer_id, l.order_id, l.placed_at, f.bought_at
         FROM first_buy f JOIN order_lines l ON l.tenant_id = $1 AND l.customer_id = f.customer_id AND l.placed_at > f.bought_at AND l.product_id <> $2
        ORDER BY f.customer_id, l.placed_at, l.order_id
     ), next_products AS (
       SELECT DISTINCT n.customer_id, l.product_id, extract(epoch FROM n.placed_at - n.bought_at) / 86400 AS days
         FROM next_order n JOIN order_lines l ON l.tenant_id = $1 AND l.order_id = n.order_id AND l.product_id <> $2
     )
     SELECT product_id, count(*)::int AS customers, (SELECT count(*) FROM first_buy)::int AS buyers,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days
       FROM next_products GROUP BY product_id ORDER BY count(*) DESC, product_id`,
    [scope.tenantId, productId],
  );
  return rows.map((row) => ({ productId: row.product_id, customers: row.customers, share: row.customers / row.buyers, medianDaysAfter: Number(row.median_days) }));
}

export interface ChannelAttributionModel {
  channel: string;
  leads: number;
  customersWon: number;
  revenue: MoneyModel;
  spend: MoneyModel;
  cac: MoneyModel | null;
  roi: number | null;
}

/**
 * Channel of a lead: its campaign's channel, else its source. Channel of a customer: that of the
 * lead it converted from, else the customer's own source; "unknown" when none is known.
 */
export async function channelAttribution(scope: TenantScope, period: Period): Promise<ChannelAttributionModel[]> {
  const currency = await tenantCurrency(scope);
  const rows: { channel: string; leads: number; customers_won: number; revenue: string | null; spend: string | null }[] = await scope.manager.query(
    `WITH lead_channels AS (
       SELECT l.lead_id, l.customer_id, l.created_at, coalesce(c.channel, l.source, 'unknown') AS channel
         FROM leads l LEFT JOIN campaigns c ON c.tenant_id = $1 AND c.campaign_id = l.campaign_id WHERE l.tenant_id = $1
     ), acquired AS (
       SELECT cu.customer_id,
              coalesce((SELECT lc.channel FROM lead_channels lc WHERE lc.customer_id = cu.customer_id ORDER BY lc.created_at LIMIT 1), cu.source, 'unknown') AS channel
         FROM customers cu WHERE cu.tenant_id = $1 AND cu.first_purchase_at >= $2 AND cu.first_purchase_at < $3
     ), lead_counts AS (
       SELECT channel, count(*)::int AS leads FROM lead_channels WHERE created_at >= $2 AND created_at < $3 GROUP BY channel
     ), won AS (
       SELECT a.channel, count(*)::int AS customers_won,
              sum((SELECT coalesce(sum(o.paid_amount), 0) FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = a.customer_id AND o.paid_at < $3)) AS revenue
         FROM acquired a GROUP BY a.channel
     ), spend AS (
       SELECT channel,
              sum(CASE WHEN period_end <= period_start THEN CASE WHEN period_start >= $2 AND period_start < $3 THEN amount ELSE 0 END
                       ELSE amount * greatest(0, extract(epoch FROM least(period_end, $3::timestamptz) - greatest(period_start, $2::timestamptz)))
                                   / extract(epoch FROM period_end - period_start) END) AS spend
         FROM campaign_spend WHERE tenant_id = $1 AND period_start < $3 AND period_end >= $2 GROUP BY channel
     ), channels AS (SELECT channel FROM lead_counts UNION SELECT channel FROM won UNION SELECT channel FROM spend)
     SELECT ch.channel, coalesce(lc.leads, 0) AS leads, coalesce(w.customers_won, 0) AS customers_won, w.revenue, s.spend
       FROM channels ch LEFT JOIN lead_counts lc USING (channel) LEFT JOIN won w USING (channel) LEFT JOIN spend s USING (channel)
      ORDER BY ch.channel`,
    [scope.tenantId, period.from, period.to],
  );
  return rows.map((row) => {
    const spend = Number(row.spend ?? 0);
    const revenue = Number(row.revenue ?? 0);
    const cac = ratio(spend, row.customers_won);
    const roi = ratio(revenue - spend, spend);
    return {
      channel: row.channel,
      leads: row.leads,
      customersWon: row.customers_won,
      revenue: money(revenue, currency),
      spend: money(spend, currency),
      cac: cac === null ? null : money(cac, currency),
      roi,
    };
  });
}

export interface OwnerPerformanceModel {
  ownerId: string | null;
  dealsWon: number;
  dealsLost: number;
  revenue: MoneyModel;
  winRate: number | null;
  avgCycleDays: number | null;
  revenuePerCustomer: MoneyModel | null;
}

/** Per deal owner, over deals closed in [from, to): revenue is the won deals' amount. */
export async function ownerPerformance(scope: TenantScope, period: Period): Promise<OwnerPerformanceModel[]> {
  const currency = await tenantCurrency(scope);
  const rows: { owner_id: string | null; won: number; lost: number; revenue: string | null; avg_cycle: string | null; customers: number }[] = await scope.manager.query(
    `SELECT owner_id,
            count(*) FILTER (WHERE status = 'WON')::int AS won,
            count(*) FILTER (WHERE status = 'LOST')::int AS lost,
            sum(amount) FILTER (WHERE status = 'WON') AS revenue,
            avg(extract(epoch FROM closed_at - created_at) / 86400) FILTER (WHERE status = 'WON') AS avg_cycle,
            count(DISTINCT customer_id) FILTER (WHERE status = 'WON')::int AS customers
       FROM deals WHERE tenant_id = $1 AND closed_at >= $2 AND closed_at < $3 AND status IN ('WON', 'LOST')
      GROUP BY owner_id ORDER BY sum(amount) FILTER (WHERE status = 'WON') DESC NULLS LAST, owner_id NULLS LAST`,
    [scope.tenantId, period.from, period.to],
  );
  return rows.map((row) => {
    const revenue = Number(row.revenue ?? 0);
    const perCustomer = ratio(revenue, row.customers);
    return {
      ownerId: row.owner_id,
      dealsWon: row.won,
      dealsLost: row.lost,
      revenue: money(revenue, currency),
      winRate: ratio(row.won, row.won + row.lost),
      avgCycleDays: toNumber(row.avg_cycle),
      revenuePerCustomer: perCustomer === null ? null : money(perCustomer, currency),
    };
  });
}

export interface FeatureAdoptionModel {
  feature: string;
  cohortSize: number;
  adoptedWithin30Days: number;
  adoptedWithin60Days: number;
  adoptedWithin90Days: number;
  retention12MonthsAdopters: number | null;
  retention12MonthsNonAdopters: number | null;
}

/**
 * Cohort: customers whose first purchase fell in [from, to). A customer adopted a feature within
 * N days when its first use came before first purchase + N days. Retained at 12 months: still
 * active just after first purchase + 365 days (so not by the first purchase alone: a later
 * purchase or a running subscription), counted only for members whose mark is before `to`.
 */
export async function featureAdoption(scope: TenantScope, period: Period): Promise<FeatureAdoptionModel[]> {
  const rows: {
    feature: string;
    cohort: number;
    within30: number;
    within60: number;
    within90: number;
    adopters_marked: number;
    adopters_retained: number;
    others_marked: number;
    others_retained: number;
  }[] = await scope.manager.query(
    `WITH members AS (
       SELECT c.customer_id, c.first_purchase_at,
              c.first_purchase_at + interval '365 days' < $3 AS marked,
              EXISTS (SELECT 1 FROM activity_spells s WHERE s.tenant_id = $1 AND s.customer_id = c.customer_id
                         AND s.starts_at <= c.first_purchase_at + interval '365 days' AND s.ends_at > c.first_purchase_at + interval '365 days')
              OR EXISTS (SELECT 1 FROM subscriptions su WHERE su.tenant_id = $1 AND su.customer_id = c.customer_id
                         AND su.started_at <= c.first_purchase_at + interval '365 days' AND (su.ended_at IS NULL OR su.ended_at > c.first_purchase_at + interval '365 days')) AS retained
         FROM customers c WHERE c.tenant_id = $1 AND c.first_purchase_at >= $2 AND c.first_purchase_at < $3
     ), features AS (
       SELECT DISTINCT f.feature FROM feature_first_use f JOIN members m ON f.tenant_id = $1 AND f.customer_id = m.customer_id
     ), adoption AS (
       SELECT ft.feature, m.customer_id, m.marked, m.retained,
              f.first_used_at < m.first_purchase_at + interval '30 days' AS in30,
              f.first_used_at < m.first_purchase_at + interval '60 days' AS in60,
              coalesce(f.first_used_at < m.first_purchase_at + interval '90 days', false) AS in90
         FROM features ft CROSS JOIN members m
         LEFT JOIN feature_first_use f ON f.tenant_id = $1 AND f.customer_id = m.customer_id AND f.feature = ft.feature AND f.first_used_at < $3
     )
     SELECT feature, count(*)::int AS cohort,
            count(*) FILTER (WHERE in30)::int AS within30, count(*) FILTER (WHERE in60)::int AS within60, count(*) FILTER (WHERE in90)::int AS within90,
            count(*) FILTER (WHERE in90 AND marked)::int AS adopters_marked, count(*) FILTER (WHERE in90 AND marked AND retained)::int AS adopters_retained,
            count(*) FILTER (WHERE NOT in90 AND marked)::int AS others_marked, count(*) FILTER (WHERE NOT in90 AND marked AND retained)::int AS others_retained
       FROM adoption GROUP BY feature ORDER BY feature`,
    [scope.tenantId, period.from, period.to],
  );
  return rows.map((row) => ({
    feature: row.feature,
    cohortSize: row.cohort,
    adoptedWithin30Days: row.within30 / row.cohort,
    adoptedWithin60Days: row.within60 / row.cohort,
    adoptedWithin90Days: row.within90 / row.cohort,
    retention12MonthsAdopters: ratio(row.adopters_retained, row.adopters_marked),
    retention12MonthsNonAdopters: ratio(row.others_retained, row.others_marked),
  }));
}
