import { ratio, tenantCurrency, type KpisModel, type MoneyModel, type Period, type ValueQuadrant } from '../../src/modules/kpis/kpis.service.js';
import type { TenantScope } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';

/**
 * kpis as computed before the rollups, straight from the read-model rows, one statement per
 * group of figures: the reference the rollups must match for any period and segment. The only
 * change: lifetime value counts payments before `to` itself, not before its day.
 */

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** SQL predicate: the customer column belongs to the quadrant in $4 (or $4 is null). */
const inSegment = (column: string, parameter = '$4') =>
  `(${parameter}::text IS NULL OR ${column} IN (SELECT s.customer_id FROM customer_segments s WHERE s.tenant_id = $1 AND s.quadrant = ${parameter}::text))`;

/** Customers active just before instant `at` (METRICS.md, "Active customer"), as a SQL set. */
const activeAt = (at: string) => `(
  SELECT customer_id FROM activity_spells WHERE tenant_id = $1 AND starts_at < ${at} AND ends_at >= ${at} AND ${inSegment('customer_id')}
  UNION
  SELECT customer_id FROM subscriptions WHERE tenant_id = $1 AND started_at < ${at} AND (ended_at IS NULL OR ended_at >= ${at}) AND ${inSegment('customer_id')})`;

/** Every customer's MRR just before instant `at`: the MRR after its last movement before then. */
const mrrAt = (at: string) => `(
  SELECT DISTINCT ON (customer_id) customer_id, customer_mrr_after AS mrr
    FROM mrr_movements WHERE tenant_id = $1 AND occurred_at < ${at} AND ${inSegment('customer_id')}
   ORDER BY customer_id, occurred_at DESC, event_id)`;

export async function referenceKpis(dataSource: DataSource, tenantId: string, period: Period, segment: ValueQuadrant | null): Promise<KpisModel> {
  // The owner connection: every statement filters on tenant_id itself.
  const run = <T>(work: (scope: TenantScope) => Promise<T>) => work({ tenantId, manager: dataSource.manager } as TenantScope);
  const params = [tenantId, period.from, period.to, segment];
  // Postgres must infer every parameter's type: a query passes only the ones it uses.
  const query = <Row>(sql: string, values: unknown[] = params): Promise<Row> => run(async (scope) => ((await scope.manager.query(sql, values)) as Row[])[0]!);
  const periodOnly = params.slice(0, 3);

  const currencyQuery = run(tenantCurrency);

  const customersQuery = query<{ at_start: number; at_end: number; lost: number; acquired: number; acquired_all: number }>(
    `WITH start_set AS ${activeAt('$2')}, end_set AS ${activeAt('$3')},
          acquisition AS (
            SELECT customer_id, min(at) AS acquired_at FROM (
              SELECT customer_id, first_purchase_at AS at FROM customers WHERE tenant_id = $1 AND first_purchase_at IS NOT NULL
              UNION ALL
              SELECT customer_id, min(started_at) FROM subscriptions WHERE tenant_id = $1 GROUP BY customer_id) sources
            GROUP BY customer_id)
     SELECT (SELECT count(*) FROM start_set)::int AS at_start,
            (SELECT count(*) FROM end_set)::int AS at_end,
            (SELECT count(*) FROM (SELECT customer_id FROM start_set EXCEPT SELECT customer_id FROM end_set) gone)::int AS lost,
            (SELECT count(*) FROM acquisition WHERE acquired_at >= $2 AND acquired_at < $3 AND ${inSegment('customer_id')})::int AS acquired,
            (SELECT count(*) FROM acquisition WHERE acquired_at >= $2 AND acquired_at < $3)::int AS acquired_all`,
  );

  const mrrQuery = query<{ start_mrr: string | null; end_mrr: string | null; month_before_mrr: string | null; retained_mrr: string | null }>(
    `WITH at_start AS ${mrrAt('$2')}, at_end AS ${mrrAt('$3')}, month_before AS ${mrrAt(`($3::timestamptz - interval '1 month')`)}
     SELECT (SELECT sum(mrr) FROM at_start) AS start_mrr,
            (SELECT sum(mrr) FROM at_end) AS end_mrr,
            (SELECT sum(mrr) FROM month_before) AS month_before_mrr,
            (SELECT sum(e.mrr) FROM at_end e JOIN at_start s USING (customer_id) WHERE s.mrr > 0) AS retained_mrr`,
  );

  const surveysQuery = query<{ nps_n: number; promoters: number; detractors: number; csat_n: number; satisfied: number; ces: string | null }>(
    `SELECT count(*) FILTER (WHERE kind = 'NPS')::int AS nps_n,
            count(*) FILTER (WHERE kind = 'NPS' AND score >= 9)::int AS promoters,
            count(*) FILTER (WHERE kind = 'NPS' AND score <= 6)::int AS detractors,
            count(*) FILTER (WHERE kind = 'CSAT')::int AS csat_n,
            count(*) FILTER (WHERE kind = 'CSAT' AND score >= 4)::int AS satisfied,
            avg(score) FILTER (WHERE kind = 'CES') AS ces
       FROM survey_answers WHERE tenant_id = $1 AND answered_at >= $2 AND answered_at < $3 AND ${inSegment('customer_id')}`,
  );

  const ticketsQuery = query<{ opened: number; breached: number; avg_minutes: string | null; median_minutes: string | null }>(
    `WITH period_tickets AS (
       SELECT t.ticket_id, CASE WHEN t.first_response_at < $3 THEN extract(epoch FROM t.first_response_at - t.opened_at) / 60 END AS minutes,
              EXISTS (SELECT 1 FROM sla_breaches b WHERE b.tenant_id = $1 AND b.ticket_id = t.ticket_id AND b.detected_at < $3) AS breached
         FROM tickets t WHERE t.tenant_id = $1 AND t.opened_at >= $2 AND t.opened_at < $3 AND ${inSegment('t.customer_id')})
     SELECT count(*)::int AS opened, count(*) FILTER (WHERE breached)::int AS breached,
            avg(minutes) AS avg_minutes, percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median_minutes
       FROM period_tickets`,
  );

  const leadsQuery = query<{ created: number; converted: number }>(
    `SELECT count(*)::int AS created, count(*) FILTER (WHERE converted_at < $3)::int AS converted
       FROM leads WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3`,
    periodOnly,
  );

  const dealsQuery = query<{ won: number; lost: number; avg_won_amount: string | null; avg_cycle_days: string | null; open_at_end: number }>(
    `SELECT count(*) FILTER (WHERE status = 'WON' AND closed_at >= $2 AND closed_at < $3)::int AS won,
            count(*) FILTER (WHERE status = 'LOST' AND closed_at >= $2 AND closed_at < $3)::int AS lost,
            avg(amount) FILTER (WHERE status = 'WON' AND closed_at >= $2 AND closed_at < $3) AS avg_won_amount,
            avg(extract(epoch FROM closed_at - created_at) / 86400) FILTER (WHERE status = 'WON' AND closed_at >= $2 AND closed_at < $3) AS avg_cycle_days,
            count(*) FILTER (WHERE created_at < $3 AND (closed_at IS NULL OR closed_at >= $3))::int AS open_at_end
       FROM deals WHERE tenant_id = $1 AND ${inSegment('customer_id')}`,
  );

  // Spend counts in the period in proportion to the overlap of its own period with [from, to).
  const spendQuery = query<{ spend: string | null }>(
    `SELECT sum(CASE WHEN period_end <= period_start THEN CASE WHEN period_start >= $2 AND period_start < $3 THEN amount ELSE 0 END
                     ELSE amount * greatest(0, extract(epoch FROM least(period_end, $3::timestamptz) - greatest(period_start, $2::timestamptz)))
                                 / extract(epoch FROM period_end - period_start) END) AS spend
       FROM campaign_spend WHERE tenant_id = $1 AND period_start < $3 AND period_end >= $2`,
    periodOnly,
  );

  // Lifetime value to date: paid revenue before `to` over customers with a purchase before `to`.
  const valueQuery = query<{ revenue: string | null; customers: number }>(
    `SELECT (SELECT sum(paid_amount) FROM orders WHERE tenant_id = $1 AND paid_at < $2 AND ${inSegment('customer_id', '$3')}) AS revenue,
            (SELECT count(*) FROM customers WHERE tenant_id = $1 AND first_purchase_at < $2 AND ${inSegment('customer_id', '$3')})::int AS customers`,
    [tenantId, period.to, segment],
  );

  const repeatQuery = query<{ first_buyers: number; repeaters: number; avg_days_to_second: string | null }>(
    `SELECT count(*) FILTER (WHERE first_purchase_at >= $2 AND first_purchase_at < $3)::int AS first_buyers,
            count(*) FILTER (WHERE first_purchase_at >= $2 AND first_purchase_at < $3 AND second_purchase_at < $3)::int AS repeaters,
            avg(extract(epoch FROM second_purchase_at - first_purchase_at) / 86400)
              FILTER (WHERE second_purchase_at >= $2 AND second_purchase_at < $3) AS avg_days_to_second
       FROM customers WHERE tenant_id = $1 AND first_purchase_at < $3 AND ${inSegment('customer_id')}`,
  );

  const [currency, customers, mrr, surveys, tickets, leads, deals, spend, value, repeat] = await Promise.all([currencyQuery, customersQuery, mrrQuery, surveysQuery, ticketsQuery, leadsQuery, dealsQuery, spendQuery, valueQuery, repeatQuery]);

  const startMrr = Number(mrr.start_mrr ?? 0);
  const endMrr = Number(mrr.end_mrr ?? 0);
  const monthBeforeMrr = Number(mrr.month_before_mrr ?? 0);
  const winRate = ratio(deals.won, deals.won + deals.lost);
  const avgWonAmount = toNumber(deals.avg_won_amount);
  const avgCycleDays = toNumber(deals.avg_cycle_days);
  const velocity =
    winRate === null || avgWonAmount === null || avgCycleDays === null || avgCycleDays <= 0
      ? null
      : (deals.open_at_end * winRate * avgWonAmount) / avgCycleDays;
  // CAC divides the whole period's spend by every customer acquired in it: spend is not split by segment.
  const cac = customers.acquired_all === 0 ? null : Number(spend.spend ?? 0) / customers.acquired_all;
  const ltv = ratio(Number(value.revenue ?? 0), value.customers);
  const money = (amount: number): MoneyModel => ({ amount: Math.round(amount * 100) / 100, currency });

  return {
    customers: customers.at_end,
    customersAtStart: customers.at_start,
    newCustomers: customers.acquired,
    churnRate: ratio(customers.lost, customers.at_start) ?? 0,
    retentionRate: ratio(customers.at_end - customers.acquired, customers.at_start) ?? 0,
    netRevenueRetention: ratio(Number(mrr.retained_mrr ?? 0), startMrr),
    mrr: money(endMrr),
    mrrGrowth: ratio(endMrr - monthBeforeMrr, monthBeforeMrr),
    nps: surveys.nps_n === 0 ? null : (100 * (surveys.promoters - surveys.detractors)) / surveys.nps_n,
    csat: surveys.csat_n === 0 ? null : (100 * surveys.satisfied) / surveys.csat_n,
    ces: toNumber(surveys.ces),
    avgFirstResponseMinutes: toNumber(tickets.avg_minutes),
    medianFirstResponseMinutes: toNumber(tickets.median_minutes),
    slaBreachRate: ratio(tickets.breached, tickets.opened),
    leadConversionRate: ratio(leads.converted, leads.created),
    winRate,
    pipelineVelocityPerDay: velocity === null ? null : money(velocity),
    cac: cac === null ? null : money(cac),
    ltvToCac: ltv === null || cac === null || cac === 0 ? null : ltv / cac,
    repeatPurchaseRate: ratio(repeat.repeaters, repeat.first_buyers),
    avgDaysToSecondPurchase: toNumber(repeat.avg_days_to_second),
  };
}

