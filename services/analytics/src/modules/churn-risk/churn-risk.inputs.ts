import type { TenantScope } from '@rapport/service-kit';
import { customerValues, loadClvModel } from '../clv/clv.service.js';
import { EARLIER_WEEKS, RECENT_WEEKS, type ChurnInputs } from './churn-risk.score.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the week `instant` falls in: usage is kept per ISO week. */
export function weekStart(instant: Date): Date {
  const day = instant.getUTCDay();
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate() - ((day + 6) % 7)));
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** What the churn score reads for a customer, plus the activity the health score adds. */
export interface CustomerChurnInputs {
  inputs: ChurnInputs;
  /** Weeks with any interaction among the last 8 complete weeks. */
  activeWeeksOfLast8: number;
}

export const emptyInputs = (): CustomerChurnInputs => ({
  inputs: { usage: null, daysSinceLastActivity: null, payments: null, support: null, satisfaction: null, subscription: null, purchases: null },
  activeWeeksOfLast8: 0,
});

/**
 * Reads the inputs of many customers as of `asOf` from the read models the event consumers
 * keep (usage_weeks, customers, orders, tickets, sla_breaches, survey_answers, mrr_movements),
 * one statement per source whatever the number of customers. Only the complete weeks before
 * the week of `asOf` count for usage: a week under way would look like a drop.
 */
export async function readChurnInputs(scope: TenantScope, customerIds: readonly string[], asOf: Date): Promise<Map<string, CustomerChurnInputs>> {
  const result = new Map<string, CustomerChurnInputs>(customerIds.map((id) => [id, emptyInputs()]));
  if (customerIds.length === 0) return result;
  const ids = [...customerIds];
  const { tenantId, manager } = scope;
  const thisWeek = weekStart(asOf);
  const windowStart = new Date(thisWeek.getTime() - (RECENT_WEEKS + EARLIER_WEEKS) * WEEK_MS);
  const at = (id: string) => result.get(id)!;

  const usage: { customer_id: string; week: string; usage: number; any: number }[] = await manager.query(
    `SELECT customer_id, to_char(week, 'YYYY-MM-DD') AS week,
            sum(interactions) FILTER (WHERE kind IN ('PRODUCT_USAGE', 'LOGIN'))::int AS usage,
            sum(interactions)::int AS any
       FROM usage_weeks
      WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND week >= $3::date AND week < $4::date
      GROUP BY customer_id, week`,
    [tenantId, ids, isoDay(windowStart), isoDay(thisWeek)],
  );
  const weeksAgo = (week: string) => Math.round((thisWeek.getTime() - Date.parse(`${week}T00:00:00Z`)) / WEEK_MS);
  for (const row of usage) {
    const entry = at(row.customer_id);
    const ago = weeksAgo(row.week);
    if ((row.usage ?? 0) > 0) {
      entry.inputs.usage ??= { recentWeeks: new Array<number>(RECENT_WEEKS).fill(0), earlierWeeks: new Array<number>(EARLIER_WEEKS).fill(0) };
      if (ago <= RECENT_WEEKS) entry.inputs.usage.recentWeeks[ago - 1] = row.usage;
      else entry.inputs.usage.earlierWeeks[ago - RECENT_WEEKS - 1] = row.usage;
    }
    if (ago <= 8 && (row.any ?? 0) > 0) entry.activeWeeksOfLast8 += 1;
  }

  const activity: { customer_id: string; last_at: Date | null; purchased: boolean }[] = await manager.query(
    `SELECT customer_id, greatest(last_activity_at, last_purchase_at) AS last_at, first_purchase_at <= $3 AS purchased
       FROM customers WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`,
    [tenantId, ids, asOf],
  );
  for (const row of activity) {
    if (row.last_at) at(row.customer_id).inputs.daysSinceLastActivity = Math.max(0, (asOf.getTime() - row.last_at.getTime()) / DAY_MS);
  }

  // The BG/NBD signal needs the tenant's fitted model and a purchase to judge from.
  const buyers = activity.filter((row) => row.purchased).map((row) => row.customer_id);
  if (buyers.length > 0 && (await loadClvModel(manager, tenantId))) {
    const values = await customerValues(manager, tenantId, buyers, asOf);
    for (const [customerId, value] of values) {
      at(customerId).inputs.purchases = { probabilityAlive: value.probabilityAlive, expectedPurchases90d: value.expectedPurchases(3) };
    }
  }

  const payments: { customer_id: string; overdue_unpaid: number; paid_late: number; due_orders: number }[] = await manager.query(
    `SELECT customer_id,
            count(*) FILTER (WHERE (paid_at IS NULL OR paid_at > $3) AND due_at < $3)::int AS overdue_unpaid,
            count(*) FILTER (WHERE paid_at <= $3 AND paid_at > due_at)::int AS paid_late,
            count(*)::int AS due_orders
       FROM orders
      WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND due_at IS NOT NULL
        AND due_at > $3::timestamptz - interval '180 days' AND due_at <= $3 AND placed_at <= $3
      GROUP BY customer_id`,
    [tenantId, ids, asOf],
  );
  for (const row of payments) {
    at(row.customer_id).inputs.payments = { overdueUnpaid: row.overdue_unpaid, paidLate: row.paid_late, dueOrders: row.due_orders };
  }

  const tickets: { customer_id: string; open_tickets: number; open_urgent: number; breaches: number }[] = await manager.query(
    `SELECT customer_id, sum(open_tickets)::int AS open_tickets, sum(open_urgent)::int AS open_urgent, sum(breaches)::int AS breaches
       FROM (
         SELECT customer_id,
                count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CLOSED')) AS open_tickets,
                count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CLOSED') AND priority IN ('URGENT', 'HIGH')) AS open_urgent,
                0 AS breaches
           FROM tickets WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND opened_at <= $3
          GROUP BY customer_id
         UNION ALL
         SELECT customer_id, 0, 0, count(*)
           FROM sla_breaches
          WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND detected_at > $3::timestamptz - interval '90 days' AND detected_at <= $3
          GROUP BY customer_id
       ) AS parts
      GROUP BY customer_id`,
    [tenantId, ids, asOf],
  );
  for (const row of tickets) {
    at(row.customer_id).inputs.support = { openTickets: row.open_tickets, openUrgent: row.open_urgent, slaBreaches90d: row.breaches };
  }

  // The latest answer of each kind within a year: an old complaint says little about today.
  const answers: { customer_id: string; kind: 'CSAT' | 'NPS' | 'CES'; score: number }[] = await manager.query(
    `SELECT DISTINCT ON (customer_id, kind) customer_id, kind, score
       FROM survey_answers
      WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND answered_at <= $3 AND answered_at > $3::timestamptz - interval '365 days'
      ORDER BY customer_id, kind, answered_at DESC`,
    [tenantId, ids, asOf],
  );
  for (const row of answers) {
    const entry = at(row.customer_id);
    entry.inputs.satisfaction ??= { lastCsat: null, lastNps: null, lastCes: null };
    if (row.kind === 'CSAT') entry.inputs.satisfaction.lastCsat = row.score;
    if (row.kind === 'NPS') entry.inputs.satisfaction.lastNps = row.score;
    if (row.kind === 'CES') entry.inputs.satisfaction.lastCes = row.score;
  }

  const mrr: { customer_id: string; lost: string | null; before_window: string | null; first_in_window: string | null; now: string | null }[] = await manager.query(
    `SELECT customer_id,
            sum(-amount) FILTER (WHERE movement IN ('CONTRACTION', 'CHURN') AND occurred_at > $3::timestamptz - interval '90 days')::text AS lost,
            (array_agg(customer_mrr_after ORDER BY occurred_at DESC) FILTER (WHERE occurred_at <= $3::timestamptz - interval '90 days'))[1]::text AS before_window,
            (array_agg(customer_mrr_before ORDER BY occurred_at) FILTER (WHERE occurred_at > $3::timestamptz - interval '90 days'))[1]::text AS first_in_window,
            (array_agg(customer_mrr_after ORDER BY occurred_at DESC))[1]::text AS now
       FROM mrr_movements
      WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND occurred_at <= $3
      GROUP BY customer_id`,
    [tenantId, ids, asOf],
  );
  for (const row of mrr) {
    at(row.customer_id).inputs.subscription = {
      mrrLost90d: Math.max(0, Number(row.lost ?? 0)),
      mrrBefore: Number(row.before_window ?? row.first_in_window ?? 0),
      mrrNow: Number(row.now ?? 0),
    };
  }
  return result;
}
