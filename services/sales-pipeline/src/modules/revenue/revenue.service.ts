import { withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { RevenueSummaryModel } from './revenue.model.js';

// Until tenants configure one (sales-pipeline issue), reporting is in one base currency.
export const BASE_CURRENCY = 'USD';

interface RevenueAggregateRow {
  customer_id: string;
  order_count: string;
  lifetime: string | null;
  last_12_months: string | null;
  first_order_at: Date | null;
  last_order_at: Date | null;
  mrr: string | null;
}

const money = (amount: string | null | undefined) => ({ amount: Number(amount ?? 0), currency: BASE_CURRENCY });

export function emptyRevenueSummary(): RevenueSummaryModel {
  return {
    lifetime: money('0'),
    last12Months: money('0'),
    orderCount: 0,
    firstOrderAt: null,
    lastOrderAt: null,
    mrr: money('0'),
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
   * subscriptions active at `asOf`. Amounts are summed as stored, labelled in the base currency:
   * conversion rates are tenant data this service does not hold yet.
   */
  async summariesFor(auth: AuthContext, customerIds: readonly string[], asOf = new Date()): Promise<Map<string, RevenueSummaryModel>> {
    const rows = await withTenant(this.dataSource, auth.tenantId, (scope) =>
      scope.manager.query(
        `WITH ordered AS (
           SELECT customer_id,
                  count(*) AS order_count,
                  sum(total_amount) FILTER (WHERE paid_at IS NOT NULL) AS lifetime,
                  sum(total_amount) FILTER (WHERE paid_at IS NOT NULL AND paid_at > $3::timestamptz - interval '12 months') AS last_12_months,
                  min(placed_at) AS first_order_at,
                  max(placed_at) AS last_order_at
             FROM orders
            WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])
            GROUP BY customer_id
         ), subscribed AS (
           SELECT customer_id, sum(mrr) AS mrr
             FROM subscriptions
            WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])
              AND started_at <= $3 AND (ended_at IS NULL OR ended_at > $3)
            GROUP BY customer_id
         )
         SELECT customer_id, coalesce(order_count, 0) AS order_count, lifetime, last_12_months, first_order_at, last_order_at, mrr
           FROM ordered FULL JOIN subscribed USING (customer_id)`,
        [auth.tenantId, customerIds, asOf],
      ) as Promise<RevenueAggregateRow[]>,
    );
    return new Map(
      rows.map((row) => [
        row.customer_id,
        {
          lifetime: money(row.lifetime),
          last12Months: money(row.last_12_months),
          orderCount: Number(row.order_count),
          firstOrderAt: row.first_order_at,
          lastOrderAt: row.last_order_at,
          mrr: money(row.mrr),
        },
      ]),
    );
  }
}
