import { EntitySchema } from 'typeorm';

export type DealStatusValue = 'OPEN' | 'WON' | 'LOST';

export interface DealRow {
  id: string;
  tenantId: string;
  customerId: string;
  title: string;
  amount: string;
  currency: string;
  pipelineId: string;
  stageId: string;
  status: DealStatusValue;
  ownerId: string | null;
  expectedCloseAt: Date | null;
  closedAt: Date | null;
  lostReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const DealEntity = new EntitySchema<DealRow>({
  name: 'Deal',
  tableName: 'deals',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    title: { type: 'text' },
    amount: { type: 'numeric', precision: 14, scale: 2 },
    currency: { type: 'text' },
    pipelineId: { name: 'pipeline_id', type: 'uuid' },
    stageId: { name: 'stage_id', type: 'uuid' },
    status: { type: 'text' },
    ownerId: { name: 'owner_id', type: 'uuid', nullable: true },
    expectedCloseAt: { name: 'expected_close_at', type: 'timestamptz', nullable: true },
    closedAt: { name: 'closed_at', type: 'timestamptz', nullable: true },
    lostReason: { name: 'lost_reason', type: 'text', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

/** One row per stage a deal entered, its creation included; never updated. */
export interface DealStageChangeRow {
  id: string;
  tenantId: string;
  dealId: string;
  fromStageId: string | null;
  toStageId: string;
  changedAt: Date;
  changedBy: string | null;
}

export const DealStageChangeEntity = new EntitySchema<DealStageChangeRow>({
  name: 'DealStageChange',
  tableName: 'deal_stage_changes',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    dealId: { name: 'deal_id', type: 'uuid' },
    fromStageId: { name: 'from_stage_id', type: 'uuid', nullable: true },
    toStageId: { name: 'to_stage_id', type: 'uuid' },
    changedAt: { name: 'changed_at', type: 'timestamptz' },
    changedBy: { name: 'changed_by', type: 'text', nullable: true },
  },
});
