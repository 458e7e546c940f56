import { DealStageChangedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/**
 * DealStageChanged -> the stage (name, probability), the deal's current stage and facts, and
 * one stage-history row per entry (funnel and days per stage). Later changes win whatever the
 * arrival order; a deal already closed keeps its status. Each table takes the whole run in one
 * statement, with the outcome of applying the events one by one in order: what only an insert
 * sets comes from a key's first event, a stage's name from its last, a deal's state from its
 * latest change (the last of equal ones).
 */
export const dealStageChangedHandler = onBatch(DealStageChangedV1, async (events, scope) => {
  const column = <Value>(pick: (payload: (typeof events)[number]['payload'], customerId: string) => Value) =>
    events.map((event) => pick(event.payload, event.customerId));
  await scope.manager.query(
    `INSERT INTO stages (tenant_id, stage_id, pipeline_id, name, probability)
     SELECT DISTINCT ON (e.stage_id) $1, e.stage_id, first_value(e.pipeline_id) OVER (PARTITION BY e.stage_id ORDER BY e.n), e.name, e.probability
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::float8[]) WITH ORDINALITY AS e(stage_id, pipeline_id, name, probability, n)
      ORDER BY e.stage_id, e.n DESC
     ON CONFLICT (tenant_id, stage_id) DO UPDATE SET name = excluded.name, probability = excluded.probability`,
    [scope.tenantId, column((p) => p.toStageId), column((p) => p.pipelineId), column((p) => p.toStageName), column((p) => p.probability)],
  );
  await scope.manager.query(
    `INSERT INTO deals (tenant_id, deal_id, customer_id, pipeline_id, owner_id, amount, currency, stage_id, probability, expected_close_at, created_at, last_change_at)
     SELECT DISTINCT ON (e.deal_id) $1, e.deal_id, first_value(e.customer_id) OVER w, first_value(e.pipeline_id) OVER w, e.owner_id, e.amount, e.currency,
            e.stage_id, e.probability, e.expected_close_at, first_value(e.created_at) OVER w, e.changed_at
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::numeric[], $7::text[], $8::uuid[], $9::float8[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])
              WITH ORDINALITY AS e(deal_id, customer_id, pipeline_id, owner_id, amount, currency, stage_id, probability, expected_close_at, created_at, changed_at, n)
     WINDOW w AS (PARTITION BY e.deal_id ORDER BY e.n)
      ORDER BY e.deal_id, e.changed_at DESC, e.n DESC
     ON CONFLICT (tenant_id, deal_id) DO UPDATE
       SET owner_id = excluded.owner_id, amount = excluded.amount, currency = excluded.currency, stage_id = excluded.stage_id,
           probability = excluded.probability, expected_close_at = excluded.expected_close_at, last_change_at = excluded.last_change_at
       WHERE excluded.last_change_at >= deals.last_change_at`,
    [
      scope.tenantId,
      column((p) => p.dealId),
      column((_p, customerId) => customerId),
      column((p) => p.pipelineId),
      column((p) => p.ownerId),
      column((p) => p.amount),
      column((p) => p.currency),
      column((p) => p.toStageId),
      column((p) => p.probability),
      column((p) => p.expectedCloseAt),
      column((p) => p.createdAt),
      column((p) => p.changedAt),
    ],
  );
  await scope.manager.query(
    `INSERT INTO deal_stage_history (tenant_id, deal_id, entered_at, stage_id, from_stage_id, pipeline_id)
     SELECT $1, e.deal_id, e.entered_at, e.stage_id, e.from_stage_id, e.pipeline_id
       FROM unnest($2::uuid[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::uuid[]) WITH ORDINALITY AS e(deal_id, entered_at, stage_id, from_stage_id, pipeline_id, n)
      ORDER BY e.n
     ON CONFLICT DO NOTHING`,
    [scope.tenantId, column((p) => p.dealId), column((p) => p.changedAt), column((p) => p.toStageId), column((p) => p.fromStageId), column((p) => p.pipelineId)],
  );
});
