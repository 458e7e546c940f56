import { requireRole, withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { READERS } from '../../roles.js';
import type { SatisfactionSummaryModel } from './satisfaction.model.js';

interface SatisfactionAggregateRow {
  customer_id: string;
  responses: string;
  csat: string | null;
  nps: string | null;
  last_nps_score: number | null;
  ces: string | null;
}

export class SatisfactionService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Satisfaction of any number of customers in one aggregate query, per the metric
   * definitions: CSAT = % of 4-5 answers; NPS = % promoters (9-10) - % detractors (0-6);
   * CES = mean score.
   */
  async summariesFor(auth: AuthContext, customerIds: readonly string[]): Promise<Map<string, SatisfactionSummaryModel>> {
    requireRole(auth, READERS);
    const rows = (await withTenant(this.dataSource, auth.tenantId, (scope) =>
      scope.manager.query(
        `SELECT customer_id,
                count(*) AS responses,
                100.0 * count(*) FILTER (WHERE kind = 'CSAT' AND score >= 4) / nullif(count(*) FILTER (WHERE kind = 'CSAT'), 0) AS csat,
                round(100.0 * (count(*) FILTER (WHERE kind = 'NPS' AND score >= 9) - count(*) FILTER (WHERE kind = 'NPS' AND score <= 6))
                      / nullif(count(*) FILTER (WHERE kind = 'NPS'), 0)) AS nps,
                (array_agg(score ORDER BY answered_at DESC) FILTER (WHERE kind = 'NPS'))[1] AS last_nps_score,
                avg(score) FILTER (WHERE kind = 'CES') AS ces
           FROM survey_responses
          WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])
          GROUP BY customer_id`,
        [auth.tenantId, customerIds],
      ),
    )) as SatisfactionAggregateRow[];
    const number = (value: string | null) => (value === null ? null : Number(value));
    return new Map(
      rows.map((row) => [
        row.customer_id,
        {
          csat: number(row.csat),
          nps: number(row.nps),
          lastNpsScore: row.last_nps_score,
          ces: number(row.ces),
          responses: Number(row.responses),
        },
      ]),
    );
  }
}
