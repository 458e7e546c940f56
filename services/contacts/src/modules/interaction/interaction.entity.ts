import { EntitySchema } from 'typeorm';
import type { InteractionKind, LifecycleStage } from '../../generated/graphql.js';

/** One entry of a customer's timeline. */
export interface InteractionRow {
  id: string;
  tenantId: string;
  customerId: string;
  kind: InteractionKind;
  occurredAt: Date;
  summary: string | null;
  feature: string | null;
  memberId: string | null;
  /** Set only on the NOTE that records a lifecycle move. */
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage | null;
  createdAt: Date;
}

export const InteractionEntity = new EntitySchema<InteractionRow>({
  name: 'Interaction',
  tableName: 'interactions',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    kind: { type: 'text' },
    occurredAt: { name: 'occurred_at', type: 'timestamptz' },
    summary: { type: 'text', nullable: true },
    feature: { type: 'text', nullable: true },
    memberId: { name: 'member_id', type: 'text', nullable: true },
    fromStage: { name: 'from_stage', type: 'text', nullable: true },
    toStage: { name: 'to_stage', type: 'text', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
});
