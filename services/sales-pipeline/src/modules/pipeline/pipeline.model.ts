import type { PipelineRow, StageRow } from './pipeline.entity.js';

export interface PipelineModel {
  id: string;
  name: string;
  isDefault: boolean;
}

export interface StageModel {
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  probability: number;
}

export const toPipelineModel = (row: PipelineRow): PipelineModel => ({ id: row.id, name: row.name, isDefault: row.isDefault });

export const toStageModel = (row: StageRow): StageModel => ({
  id: row.id,
  pipelineId: row.pipelineId,
  name: row.name,
  position: row.position,
  probability: Number(row.probability),
});
