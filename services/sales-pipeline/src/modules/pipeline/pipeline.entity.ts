import { EntitySchema } from 'typeorm';

export interface PipelineRow {
  id: string;
  tenantId: string;
  name: string;
  /** The pipeline deals go to when none is named; created for a tenant on first use. */
  isDefault: boolean;
  createdAt: Date;
}

export const PipelineEntity = new EntitySchema<PipelineRow>({
  name: 'Pipeline',
  tableName: 'pipelines',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    name: { type: 'text' },
    isDefault: { name: 'is_default', type: 'boolean' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
});

export interface StageRow {
  id: string;
  tenantId: string;
  pipelineId: string;
  name: string;
  position: number;
  /** numeric(5, 4) as a string; the win probability in [0, 1]. */
  probability: string;
}

export const StageEntity = new EntitySchema<StageRow>({
  name: 'Stage',
  tableName: 'stages',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    pipelineId: { name: 'pipeline_id', type: 'uuid' },
    name: { type: 'text' },
    position: { type: 'integer' },
    probability: { type: 'numeric', precision: 5, scale: 4 },
  },
});
