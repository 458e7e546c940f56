import type { TenantScope } from '@rapport/service-kit';

interface ClosedDeal {
  dealId: string;
  customerId: string;
  pipelineId: string;
  ownerId: string | null;
  amount: string;
  currency: string;
  stageId: string;
  expectedCloseAt: string | null;
  createdAt: string;
  closedAt: string;
  status: 'WON' | 'LOST';
  lostReason: string | null;
}

/**
 * Won or lost deals, each closed at `closedAt` in the stage it was in, in one statement (one run
 * of the statement triggers behind the table, not one per deal). Applied as if one by one in the
 * order given: a deal new to the table takes what only an insert sets from its first event, the
 * last event's closing wins, and the last change is the latest of them.
 */
export async function closeDeals(scope: TenantScope, deals: readonly ClosedDeal[]): Promise<void> {
  if (deals.length === 0) return;
  const column = <Value>(pick: (deal: ClosedDeal) => Value) => deals.map(pick);
  await scope.manager.query(
    `INSERT INTO deals (tenant_id, deal_id, customer_id, pipeline_id, owner_id, amount, currency, stage_id, expected_close_at, created_at, status, closed_at, lost_reason, last_change_at)
     SELECT DISTINCT ON (e.deal_id) $1, e.deal_id, first_value(e.customer_id) OVER w, first_value(e.pipeline_id) OVER w, e.owner_id, e.amount, e.currency, e.stage_id,
            first_value(e.expected_close_at) OVER w, first_value(e.created_at) OVER w, e.status, e.closed_at, e.lost_reason, max(e.closed_at) OVER (PARTITION BY e.deal_id)
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::numeric[], $7::text[], $8::uuid[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::timestamptz[], $13::text[])
              WITH ORDINALITY AS e(deal_id, customer_id, pipeline_id, owner_id, amount, currency, stage_id, expected_close_at, created_at, status, closed_at, lost_reason, n)
     WINDOW w AS (PARTITION BY e.deal_id ORDER BY e.n)
      ORDER BY e.deal_id, e.n DESC
     ON CONFLICT (tenant_id, deal_id) DO UPDATE
       SET owner_id = excluded.owner_id, amount = excluded.amount, currency = excluded.currency, stage_id = excluded.stage_id,
           status = excluded.status, closed_at = excluded.closed_at, lost_reason = excluded.lost_reason,
           last_change_at = greatest(deals.last_change_at, excluded.last_change_at)`,
    [
      scope.tenantId,
      column((deal) => deal.dealId),
      column((deal) => deal.customerId),
      column((deal) => deal.pipelineId),
      column((deal) => deal.ownerId),
      column((deal) => deal.amount),
      column((deal) => deal.currency),
      column((deal) => deal.stageId),
      column((deal) => deal.expectedCloseAt),
      column((deal) => deal.createdAt),
      column((deal) => deal.status),
      column((deal) => deal.closedAt),
      column((deal) => deal.lostReason),
    ],
  );
}
