import { DealStageChangedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/**
 * DealStageChanged -> the stage (name, probability), the deal's current stage and facts, and
 * one stage-history row per entry (funnel and days per stage). Later changes win whatever the
 * arrival order; a deal already closed keeps its status.
 */
export const dealStageChangedHandler = onBatch(DealStageChangedV1, async (events, scope) => {
  for (const event of events) {
    const payload = event.payload;
    await scope.manager.query(
      `INSERT INTO stages (tenant_id, stage_id, pipeline_id, name, probability) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, stage_id) DO UPDATE SET name = excluded.name, probability = excluded.probability`,
      [scope.tenantId, payload.toStageId, payload.pipelineId, payload.toStageName, payload.probability],
    );
    await scope.manager.query(
      `INSERT INTO deals (tenant_id, deal_id, customer_id, pipeline_id, owner_id, amount, currency, stage_id, probability, expected_close_at, created_at, last_change_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (tenant_id, deal_id) DO UPDATE
         SET owner_id = excluded.owner_id, amount = excluded.amount, currency = excluded.currency, stage_id = excluded.stage_id,
             probability = excluded.probability, expected_close_at = excluded.expected_close_at, last_change_at = excluded.last_change_at
         WHERE excluded.last_change_at >= deals.last_change_at`,
      [
        scope.tenantId,
        payload.dealId,
        event.customerId,
        payload.pipelineId,
        payload.ownerId,
        payload.amount,
        payload.currency,
        payload.toStageId,
        payload.probability,
        payload.expectedCloseAt,
        payload.createdAt,
        payload.changedAt,
      ],
    );
    await scope.manager.query(
      `INSERT INTO deal_stage_history (tenant_id, deal_id, entered_at, stage_id, from_stage_id, pipeline_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [scope.tenantId, payload.dealId, payload.changedAt, payload.toStageId, payload.fromStageId, payload.pipelineId],
    );
  }
});
