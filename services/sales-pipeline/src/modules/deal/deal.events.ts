import type { DealLostV1, DealStageChangedV1, DealWonV1, PayloadOf } from '@rapport/events';
import { toNumeric } from '../../money.js';
import type { StageModel } from '../pipeline/pipeline.model.js';
import type { DealModel } from './deal.model.js';

/** What every deal event says about the deal, mapped field by field. */
function dealFacts(deal: DealModel) {
  return {
    dealId: deal.id,
    title: deal.title,
    amount: toNumeric(deal.amountCents),
    currency: deal.currency,
    pipelineId: deal.pipelineId,
    ownerId: deal.ownerId,
    expectedCloseAt: deal.expectedCloseAt?.toISOString() ?? null,
    createdAt: deal.createdAt.toISOString(),
  };
}

export function toDealStageChangedPayload(
  deal: DealModel,
  fromStageId: string | null,
  toStage: StageModel,
  changedAt: Date,
): PayloadOf<typeof DealStageChangedV1> {
  return {
    ...dealFacts(deal),
    fromStageId,
    toStageId: toStage.id,
    toStageName: toStage.name,
    probability: toStage.probability,
    changedAt: changedAt.toISOString(),
  };
}

export function toDealWonPayload(deal: DealModel & { closedAt: Date }): PayloadOf<typeof DealWonV1> {
  return { ...dealFacts(deal), stageId: deal.stageId, closedAt: deal.closedAt.toISOString() };
}

export function toDealLostPayload(deal: DealModel & { closedAt: Date; lostReason: string }): PayloadOf<typeof DealLostV1> {
  return { ...dealFacts(deal), stageId: deal.stageId, reason: deal.lostReason, closedAt: deal.closedAt.toISOString() };
}
