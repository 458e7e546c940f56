import { centsOf, type Cents } from '../../money.js';
import type { DealRow, DealStageChangeRow, DealStatusValue } from './deal.entity.js';

export interface DealModel {
  id: string;
  customerId: string;
  title: string;
  amountCents: Cents;
  currency: string;
  pipelineId: string;
  stageId: string;
  status: DealStatusValue;
  ownerId: string | null;
  expectedCloseAt: Date | null;
  closedAt: Date | null;
  lostReason: string | null;
  createdAt: Date;
}

export interface StageChangeModel {
  dealId: string;
  fromStageId: string | null;
  toStageId: string;
  changedAt: Date;
}

export function toDealModel(row: DealRow): DealModel {
  return {
    id: row.id,
    customerId: row.customerId,
    title: row.title,
    amountCents: centsOf(row.amount),
    currency: row.currency.trim(),
    pipelineId: row.pipelineId,
    stageId: row.stageId,
    status: row.status,
    ownerId: row.ownerId,
    expectedCloseAt: row.expectedCloseAt,
    closedAt: row.closedAt,
    lostReason: row.lostReason,
    createdAt: row.createdAt,
  };
}

export const toStageChangeModel = (row: DealStageChangeRow): StageChangeModel => ({
  dealId: row.dealId,
  fromStageId: row.fromStageId,
  toStageId: row.toStageId,
  changedAt: row.changedAt,
});
