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

/** A won or lost deal: closed at `closedAt`, in the stage it was in. */
export async function closeDeal(scope: TenantScope, deal: ClosedDeal): Promise<void> {
  await scope.manager.query(
    `INSERT INTO deals (tenant_id, deal_id, customer_id, pipeline_id, owner_id, amount, currency, stage_id, expected_close_at, created_at, status, closed_at, lost_reason, last_change_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12)
     ON CONFLICT (tenant_id, deal_id) DO UPDATE
       SET owner_id = excluded.owner_id, amount = excluded.amount, currency = excluded.currency, stage_id = excluded.stage_id,
           status = excluded.status, closed_at = excluded.closed_at, lost_reason = excluded.lost_reason,
           last_change_at = greatest(deals.last_change_at, excluded.last_change_at)`,
    [
      scope.tenantId,
      deal.dealId,
      deal.customerId,
      deal.pipelineId,
      deal.ownerId,
      deal.amount,
      deal.currency,
      deal.stageId,
      deal.expectedCloseAt,
      deal.createdAt,
      deal.status,
      deal.closedAt,
      deal.lostReason,
    ],
  );
}
