import type { InteractionKind, LifecycleStage } from '../../generated/graphql.js';
import type { InteractionRow } from './interaction.entity.js';

export interface InteractionModel {
  id: string;
  kind: InteractionKind;
  occurredAt: Date;
  summary: string | null;
  feature: string | null;
  memberId: string | null;
  lifecycleChange: { fromStage: LifecycleStage; toStage: LifecycleStage } | null;
}

export function toInteractionModel(row: InteractionRow): InteractionModel {
  return {
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurredAt,
    summary: row.summary,
    feature: row.feature,
    memberId: row.memberId,
    lifecycleChange: row.fromStage && row.toStage ? { fromStage: row.fromStage, toStage: row.toStage } : null,
  };
}
