import { withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { RevenueSummaryModel } from './revenue.model.js';

/** The base currency of a tenant that has not set one (see currencySettings). */
export const BASE_CURRENCY = 'USD';

interface RevenueAggregateRow {
  base_currency: string;
  customer_id: string | null;
  order_count: string;
  lifetime: string | null;
  last_12_months: string | null;
  first_order_at: Date | null;
  last_order_at: Date | null;
  mrr: string | null;
}

const money = (amount: string | null | undefined, currency: string) => ({ amount: Number(amount ?? 0), currency: currency.trim() });

export function emptyRevenueSummary(currency = BASE_CURRENCY): RevenueSummaryModel {
  return {
    lifetime: money('0', currency),
    last12Months: money('0', currency),
    orderCount: 0,
    firstOrderAt: null,
    lastOrderAt: null,
    mrr: money('0', currency),
  };
}

export class RevenueService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Revenue summaries of any number of customers in one aggregate query.
   *
   * Revenue is recognised per order, when payments reach its total (`paid_at` is set by the
   * completing payment): lifetime is the total of fully paid orders, and last12Months those
   * whose completing payment falls in the window. A partial payment counts once its order is
   * paid, so the summary and the OrderPaid events analytics consumes always agree. `orderCount`
   * and first/last order dates count every placed order, paid or not. `mrr` sums the
   * subscriptions active at `asOf`. Amounts are in the tenant's base currency (see below).
   */
  async summariesFor(auth: AuthContext, customerIds: readonly string[], asOf = new Date()): Promise<Map<string, RevenueSummaryModel>> {
    const rows = await withTenant(this.dataSource, auth.tenantId, (scope) =>
      scope.manager.query(
        // Amounts are converted to the tenant's base currency with the rates it set (sales-pipeline
        // holds them: currencySettings); one in a currency without a rate is left out of the sums
        // rather than guessed. The base row answers even when no customer has anything.
        `WITH base AS (
           SELECT coalesce((SELECT base_currency FROM currency_settings WHERE tenant_id = $1), $4) AS currency
         ), rates AS (
           SELECT currency, rate_to_base FROM exchange_rates WHERE tenant_id = $1
           UNION ALL SELECT currency, 1 FROM base
         ), ordered AS (
           SELECT o.customer_id,
                  count(*) AS order_count,
                  round(sum(o.total_amount * r.rate_to_base) FILTER (WHERE o.paid_at IS NOT NULL), 2) AS lifetime,
                  round(sum(o.total_amount * r.rate_to_base) FILTER (WHERE o.paid_at IS NOT NULL AND o.paid_at > $3::timestamptz - interval '12 months'), 2) AS last_12_months,
                  min(o.placed_at) AS first_order_at,
                  max(o.placed_at) AS last_order_at
             FROM orders o LEFT JOIN rates r ON r.currency = o.currency
            WHERE o.tenant_id = $1 AND o.customer_id = ANY($2::uuid[])
            GROUP BY o.customer_id
         ), subscribed AS (
           SELECT s.customer_id, round(sum(s.mrr * r.rate_to_base), 2) AS mrr
             FROM subscriptions s LEFT JOIN rates r ON r.currency = s.currency
            WHERE s.tenant_id = $1 AND s.customer_id = ANY($2::uuid[])
              AND s.started_at <= $3 AND (s.ended_at IS NULL OR s.ended_at > $3)
            GROUP BY s.customer_id
         )
         SELECT base.currency AS base_currency, customer_id, coalesce(order_count, 0) AS order_count, lifetime, last_12_months, first_order_at, last_order_at, mrr
           FROM base LEFT JOIN (ordered FULL JOIN subscribed USING (customer_id)) ON true`,
        [auth.tenantId, customerIds, asOf, BASE_CURRENCY],
      ) as Promise<RevenueAggregateRow[]>,
    );
    const currency = rows[0]?.base_currency ?? BASE_CURRENCY;
    const summaries = new Map<string, RevenueSummaryModel>(customerIds.map((id) => [id, emptyRevenueSummary(currency)]));
    for (const row of rows) {
      if (row.customer_id === null) continue;
      summaries.set(row.customer_id, {
        lifetime: money(row.lifetime, currency),
        last12Months: money(row.last_12_months, currency),
        orderCount: Number(row.order_count),
        firstOrderAt: row.first_order_at,
        lastOrderAt: row.last_order_at,
        mrr: money(row.mrr, currency),
      });
    }
    return summaries;
  }
}
