import { badInput, withTenant, type AuthContext, type TenantScope } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';

export const VALUE_QUADRANTS = ['INVEST', 'PROTECT', 'DEVELOP', 'SERVE_EFFICIENTLY'] as const;
export type ValueQuadrant = (typeof VALUE_QUADRANTS)[number];

export interface MoneyModel {
  amount: number;
  currency: string;
}

export interface KpisModel {
  customers: number;
  customersAtStart: number;
  newCustomers: number;
  churnRate: number;
  retentionRate: number;
  netRevenueRetention: number | null;
  mrr: MoneyModel;
  mrrGrowth: number | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  avgFirstResponseMinutes: number | null;
  medianFirstResponseMinutes: number | null;
  slaBreachRate: number | null;
  leadConversionRate: number | null;
  winRate: number | null;
  pipelineVelocityPerDay: MoneyModel | null;
  cac: MoneyModel | null;
  ltvToCac: number | null;
  repeatPurchaseRate: number | null;
  avgDaysToSecondPurchase: number | null;
}

export interface Period {
  from: Date;
  to: Date;
}

/** Checks a [from, to) period: both valid instants, from before to. */
export function parsePeriod(from: Date | string, to: Date | string): Period {
  const start = new Date(from);
  const end = new Date(to);
  if (Number.isNaN(start.getTime())) throw badInput('from', 'from is not a valid date-time');
  if (Number.isNaN(end.getTime())) throw badInput('to', 'to is not a valid date-time');
  if (end <= start) throw badInput('to', 'to must be after from');
  return { from: start, to: end };
}

/** a / b, or null when b is 0: an empty period has no rate (never NaN, never Infinity). */
export const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The currency the tenant's money figures are reported in: the one of its subscriptions, else
 * orders, else campaigns. A tenant is assumed to sell in one currency (METRICS.md).
 */
export async function tenantCurrency(scope: TenantScope): Promise<string> {
  const [row]: { currency: string | null }[] = await scope.manager.query(
    `SELECT coalesce(
       (SELECT currency FROM subscriptions WHERE tenant_id = $1 LIMIT 1),
       (SELECT currency FROM orders WHERE tenant_id = $1 LIMIT 1),
       (SELECT currency FROM campaigns WHERE tenant_id = $1 LIMIT 1)) AS currency`,
    [scope.tenantId],
  );
  return row?.currency ?? 'USD';
}

/**
 * The columns of kpi_daily (and of the kpi_facts view it sums) that kpis reads. Customer facts
 * count in the quadrant of their customer; `tenant` ones (leads have no customer) count whole
 * whatever the segment.
 */
const ROLLUP_COLUMNS = {
  acquired: 'customer',
  first_purchases: 'customer',
  second_purchases: 'customer',
  days_to_second: 'customer',
  active_starts: 'customer',
  active_ends: 'customer',
  revenue_paid: 'customer',
  nps_answers: 'customer',
  nps_promoters: 'customer',
  nps_detractors: 'customer',
  csat_answers: 'customer',
  csat_satisfied: 'customer',
  ces_answers: 'customer',
  ces_score_sum: 'customer',
  deals_created: 'customer',
  deals_closed: 'customer',
  deals_won: 'customer',
  deals_lost: 'customer',
  deals_won_amount: 'customer',
  deals_won_cycle_days: 'customer',
  leads_created: 'tenant',
} as const;
type RollupColumn = keyof typeof ROLLUP_COLUMNS;
const COLUMN_NAMES = Object.keys(ROLLUP_COLUMNS) as RollupColumn[];

/**
 * A column summed over [from, to) and up to each bound: `period`, `atFrom` (everything before
 * `from`) and `atTo` (everything before `to`). Whole UTC days come from kpi_daily; a bound
 * inside a day adds or takes back the facts of that day before it, read from kpi_facts.
 */
interface Sums {
  period: number;
  atFrom: number;
  atTo: number;
}

/** The instant a day begins (UTC) as SQL, for a timestamptz parameter. */
const dayStart = (parameter: string) => `date_trunc('day', ${parameter}::timestamptz, 'UTC')`;
const dayOf = (parameter: string) => `(${parameter}::timestamptz AT TIME ZONE 'UTC')::date`;
const isMidnight = (instant: Date) => instant.getTime() % 86_400_000 === 0;

/** Runs work in a tenant-scoped transaction of its own. */
export type TenantRunner = <T>(work: (scope: TenantScope) => Promise<T>) => Promise<T>;

/**
 * Every figure of `kpis`, read from the rollups (kpi_daily, kpi_pairs: one row per day and
 * quadrant, METRICS.md "KPI rollups") where a figure adds up day by day, and from the rows
 * otherwise: tickets (a median needs every value), customers lost (the spells ending in the
 * period), MRR (each customer's last movement) and spend. The rollups, lost customers and spend
 * read a few rows each and go in one statement; tickets, MRR and (for a bound inside a day) that
 * day's facts each run in a transaction of their own, at once on pooled connections: the answer
 * takes as long as the slowest statement, not their sum. (Each reads committed read models; a
 * batch landing in between can make two figures differ by that batch, as two successive
 * queries would.)
 */
export async function computeKpis(run: TenantRunner, tenantId: string, period: Period, segment: ValueQuadrant | null): Promise<KpisModel> {
  // $4, the quadrant, only with a segment: without one the statements carry no predicate on it,
  // and with one the planner sees a plain semi-join and picks hashing or probing by size.
  const params = segment === null ? [tenantId, period.from, period.to] : [tenantId, period.from, period.to, segment];
  // Postgres must infer every parameter's type: a query passes only the ones it uses.
  const query = <Row>(sql: string, values: unknown[] = params): Promise<Row> => run(async (scope) => ((await scope.manager.query(sql, values)) as Row[])[0]!);
  /** SQL predicate: the customer column belongs to the segment asked for. */
  const inSegment = (column: string) => (segment === null ? 'true' : `${column} IN (SELECT s.customer_id FROM customer_segments s WHERE s.tenant_id = $1 AND s.quadrant = $4)`);
  const inQuadrant = segment === null ? 'true' : 'quadrant = $4';
  // A row's customer in the segment, as a join: a predicate repeated in many aggregates' filters would be planned once each.
  const joinSegment = (alias: string) =>
    segment === null ? '' : `LEFT JOIN customer_segments ${alias}_segment ON ${alias}_segment.tenant_id = $1 AND ${alias}_segment.customer_id = ${alias}.customer_id AND ${alias}_segment.quadrant = $4`;
  const segmentOf = (alias: string) => (segment === null ? 'true' : `${alias}_segment.customer_id IS NOT NULL`);
  // Whole-day bounds need no row but the rollups' (the usual case: days, months, years).
  const aligned = isMidnight(period.from) && isMidnight(period.to);

  const currencyQuery = run(tenantCurrency);

  const mine = (column: RollupColumn) => (ROLLUP_COLUMNS[column] === 'customer' ? 'mine' : 'true');
  const rollupSql = `
     SELECT ${COLUMN_NAMES.map(
      (column) => `sum(${column}) FILTER (WHERE ${mine(column)} AND day >= ${dayOf('$2')}) AS ${column}_period,
                   sum(${column}) FILTER (WHERE ${mine(column)} AND day < ${dayOf('$2')}) AS ${column}_at_from,
                   sum(${column}) FILTER (WHERE ${mine(column)}) AS ${column}_at_to`,
    ).join(',\n            ')},
            sum(acquired) FILTER (WHERE day >= ${dayOf('$2')}) AS acquired_all_period
       FROM (SELECT *, ${inQuadrant} AS mine FROM kpi_daily WHERE tenant_id = $1 AND day < ${dayOf('$3')}) d`;

  // The facts of the days the bounds fall in, before each bound: [day of from, from) and [day of to, to).
  const partialDaysQuery = aligned
    ? null
    : query<Record<string, string | null>>(
        `WITH facts AS (
           SELECT f.*, ${segmentOf('f')} AS mine,
                  f.at >= ${dayStart('$2')} AND f.at < $2 AS before_from, f.at >= ${dayStart('$3')} AND f.at < $3 AS before_to
             FROM kpi_facts f ${joinSegment('f')}
            -- both the instant and the day: some sources are indexed by one, some by the other
            WHERE f.tenant_id = $1
              AND ((f.day = ${dayOf('$2')} AND f.at >= ${dayStart('$2')} AND f.at < $2) OR (f.day = ${dayOf('$3')} AND f.at >= ${dayStart('$3')} AND f.at < $3))
         ), pairs AS (
           SELECT p.kind, ${segmentOf('p')} AS mine,
                  p.a >= ${dayStart('$2')} AND p.a < $2 AND p.b < ${dayStart('$3')} AS cut_from, p.b >= ${dayStart('$3')} AND p.b < $3 AND p.a >= $2 AS added_to
             FROM kpi_pair_facts p ${joinSegment('p')}
            WHERE p.tenant_id = $1 AND ((p.a >= ${dayStart('$2')} AND p.a < $2) OR (p.b >= ${dayStart('$3')} AND p.b < $3))
         )
         SELECT * FROM (
           SELECT ${COLUMN_NAMES.map(
             (column) => `sum(${column}) FILTER (WHERE ${mine(column)} AND before_from) AS ${column}_from,
                          sum(${column}) FILTER (WHERE ${mine(column)} AND before_to) AS ${column}_to`,
           ).join(',\n                  ')},
                  sum(acquired) FILTER (WHERE before_from) AS acquired_all_from,
                  sum(acquired) FILTER (WHERE before_to) AS acquired_all_to
             FROM facts) f
         CROSS JOIN (
           SELECT count(*) FILTER (WHERE kind = 'repeat' AND mine AND cut_from) AS repeat_from,
                  count(*) FILTER (WHERE kind = 'repeat' AND mine AND added_to) AS repeat_to,
                  count(*) FILTER (WHERE kind = 'lead' AND cut_from) AS lead_from,
                  count(*) FILTER (WHERE kind = 'lead' AND added_to) AS lead_to
             FROM pairs) p`,
      );

  // Pairs with the first date in the period's whole days and the second before its last one:
  // repeat buyers (first and second purchase), converted leads (creation and conversion).
  const pairsSql = `
     SELECT sum(n) FILTER (WHERE kind = 'repeat' AND ${inQuadrant}) AS repeaters,
            sum(n) FILTER (WHERE kind = 'lead') AS leads_converted
       FROM kpi_pairs
      WHERE tenant_id = $1 AND kind IN ('repeat', 'lead') AND a_day >= ${dayOf('$2')} AND a_day < ${dayOf('$3')} AND b_day < ${dayOf('$3')}`;

  // Active at the start and not at the end: the spell holding `from` ends before `to`, and no
  // later spell holds `to` (spells of one customer never overlap: one row per customer).
  const lostSql = `
     SELECT count(*)::int AS lost FROM customer_active_spells a
      WHERE a.tenant_id = $1 AND a.ends_at >= $2 AND a.ends_at < $3 AND a.starts_at < $2 AND ${inSegment('a.customer_id')}
        AND NOT EXISTS (SELECT 1 FROM customer_active_spells b WHERE b.tenant_id = $1 AND b.customer_id = a.customer_id AND b.starts_at < $3 AND b.ends_at >= $3)`;

  // Each customer's MRR just before `from`, `to` and a month before `to`: the MRR after its last
  // movement before then (latest first, then by event id).
  const mrrQuery = query<{ start_mrr: string | null; end_mrr: string | null; month_before_mrr: string | null; retained_mrr: string | null }>(
    `WITH last AS (
       SELECT customer_id,
              (array_agg(customer_mrr_after ORDER BY occurred_at DESC, event_id) FILTER (WHERE occurred_at < $2))[1] AS at_start,
              (array_agg(customer_mrr_after ORDER BY occurred_at DESC, event_id))[1] AS at_end,
              (array_agg(customer_mrr_after ORDER BY occurred_at DESC, event_id) FILTER (WHERE occurred_at < $3::timestamptz - interval '1 month'))[1] AS month_before
         FROM mrr_movements WHERE tenant_id = $1 AND occurred_at < $3 AND ${inSegment('customer_id')}
        GROUP BY customer_id)
     SELECT sum(at_start) AS start_mrr, sum(at_end) AS end_mrr, sum(month_before) AS month_before_mrr, sum(at_end) FILTER (WHERE at_start > 0) AS retained_mrr FROM last`,
  );

  const ticketsQuery = query<{ opened: number; breached: number; avg_minutes: string | null; median_minutes: string | null }>(
    `WITH period_tickets AS (
       -- date_part: a double; percentile_cont takes one, and numeric arithmetic per ticket costs more than the scan
       SELECT t.ticket_id, CASE WHEN t.first_response_at < $3 THEN date_part('epoch', t.first_response_at - t.opened_at) / 60 END AS minutes,
              -- hashed once, not probed per ticket
              t.ticket_id IN (SELECT b.ticket_id FROM sla_breaches b WHERE b.tenant_id = $1 AND b.detected_at < $3) AS breached
         FROM tickets t WHERE t.tenant_id = $1 AND t.opened_at >= $2 AND t.opened_at < $3 AND ${inSegment('t.customer_id')})
     SELECT count(*)::int AS opened, count(*) FILTER (WHERE breached)::int AS breached,
            avg(minutes) AS avg_minutes, percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median_minutes
       FROM period_tickets`,
  );

  // Spend counts in the period in proportion to the overlap of its own period with [from, to).
  const spendSql = `
     SELECT sum(CASE WHEN period_end <= period_start THEN CASE WHEN period_start >= $2 AND period_start < $3 THEN amount ELSE 0 END
                     ELSE amount * greatest(0, extract(epoch FROM least(period_end, $3::timestamptz) - greatest(period_start, $2::timestamptz)))
                                 / extract(epoch FROM period_end - period_start) END) AS spend
       FROM campaign_spend WHERE tenant_id = $1 AND period_start < $3 AND period_end >= $2`;

  // The cheap statements as one: each reads a few rows, and a round trip costs more than any of them.
  const summaryQuery = query<Record<string, string | number | null>>(
    `SELECT * FROM (${rollupSql}) rollups, (${pairsSql}) pairs, (${lostSql}) lost, (${spendSql}) spend`,
  );

  const [currency, summary, partialDays, mrr, tickets] = await Promise.all([currencyQuery, summaryQuery, partialDaysQuery, mrrQuery, ticketsQuery]);
  const lost = Number(summary['lost']);

  const partial = (name: string) => Number(partialDays?.[name] ?? 0);
  const sums = (column: RollupColumn): Sums => {
    const [fromPart, toPart] = [partial(`${column}_from`), partial(`${column}_to`)];
    return {
      period: Number(summary[`${column}_period`] ?? 0) - fromPart + toPart,
      atFrom: Number(summary[`${column}_at_from`] ?? 0) + fromPart,
      atTo: Number(summary[`${column}_at_to`] ?? 0) + toPart,
    };
  };
  const inPeriod = (column: RollupColumn) => sums(column).period;
  // Active at t: spells started before t minus spells ended before t (a spell holds (start, end]).
  const active = (bound: 'atFrom' | 'atTo') => sums('active_starts')[bound] - sums('active_ends')[bound];
  const customersAtStart = active('atFrom');
  const customersAtEnd = active('atTo');
  const acquired = inPeriod('acquired');
  const acquiredAll = Number(summary['acquired_all_period'] ?? 0) - partial('acquired_all_from') + partial('acquired_all_to');

  const startMrr = Number(mrr.start_mrr ?? 0);
  const endMrr = Number(mrr.end_mrr ?? 0);
  const monthBeforeMrr = Number(mrr.month_before_mrr ?? 0);
  const dealsWon = inPeriod('deals_won');
  const dealsLost = inPeriod('deals_lost');
  const winRate = ratio(dealsWon, dealsWon + dealsLost);
  const avgWonAmount = ratio(inPeriod('deals_won_amount'), dealsWon);
  const avgCycleDays = ratio(inPeriod('deals_won_cycle_days'), dealsWon);
  const openAtEnd = sums('deals_created').atTo - sums('deals_closed').atTo;
  const velocity = winRate === null || avgWonAmount === null || avgCycleDays === null || avgCycleDays <= 0 ? null : (openAtEnd * winRate * avgWonAmount) / avgCycleDays;
  // CAC divides the whole period's spend by every customer acquired in it: spend is not split by segment.
  const cac = acquiredAll === 0 ? null : Number(summary['spend'] ?? 0) / acquiredAll;
  const ltv = ratio(sums('revenue_paid').atTo, sums('first_purchases').atTo);
  const money = (amount: number): MoneyModel => ({ amount: Math.round(amount * 100) / 100, currency });
  const npsAnswers = inPeriod('nps_answers');
  const csatAnswers = inPeriod('csat_answers');
  const repeaters = Number(summary['repeaters'] ?? 0) - partial('repeat_from') + partial('repeat_to');
  const leadsConverted = Number(summary['leads_converted'] ?? 0) - partial('lead_from') + partial('lead_to');

  return {
    customers: customersAtEnd,
    customersAtStart,
    newCustomers: acquired,
    // Float! in the public graph: 0, not null, with no customer at the start (customersAtStart tells).
    churnRate: ratio(lost, customersAtStart) ?? 0,
    retentionRate: ratio(customersAtEnd - acquired, customersAtStart) ?? 0,
    netRevenueRetention: ratio(Number(mrr.retained_mrr ?? 0), startMrr),
    mrr: money(endMrr),
    mrrGrowth: ratio(endMrr - monthBeforeMrr, monthBeforeMrr),
    nps: npsAnswers === 0 ? null : (100 * (inPeriod('nps_promoters') - inPeriod('nps_detractors'))) / npsAnswers,
    csat: csatAnswers === 0 ? null : (100 * inPeriod('csat_satisfied')) / csatAnswers,
    ces: ratio(inPeriod('ces_score_sum'), inPeriod('ces_answers')),
    avgFirstResponseMinutes: toNumber(tickets.avg_minutes),
    medianFirstResponseMinutes: toNumber(tickets.median_minutes),
    slaBreachRate: ratio(tickets.breached, tickets.opened),
    leadConversionRate: ratio(leadsConverted, inPeriod('leads_created')),
    winRate,
    pipelineVelocityPerDay: velocity === null ? null : money(velocity),
    cac: cac === null ? null : money(cac),
    ltvToCac: ltv === null || cac === null || cac === 0 ? null : ltv / cac,
    repeatPurchaseRate: ratio(repeaters, inPeriod('first_purchases')),
    avgDaysToSecondPurchase: ratio(inPeriod('days_to_second'), inPeriod('second_purchases')),
  };
}

export function kpis(dataSource: DataSource, auth: AuthContext, period: Period, segment: ValueQuadrant | null): Promise<KpisModel> {
  // Its statements run side by side, each on a connection of its own: the answer takes the
  // slowest one, not their sum, so they do not queue on the query's shared transaction.
  return computeKpis((work) => withTenant(dataSource, auth.tenantId, work, { ownTransaction: true }), auth.tenantId, period, segment);
}
