import { randomUUID } from 'node:crypto';
import { badInput, isUuid, requireRole, withTenant, type AuthContext, type TenantScope } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { CreatePipelineInput } from '../../generated/graphql.js';
import { READERS, WRITERS } from '../../roles.js';
import { requireText } from '../../validation.js';
import { PipelineEntity, StageEntity, type PipelineRow } from './pipeline.entity.js';
import { toPipelineModel, toStageModel, type PipelineModel, type StageModel } from './pipeline.model.js';

/** What a tenant starts with; it can create other pipelines beside it. */
const DEFAULT_PIPELINE = {
  name: 'Sales',
  stages: [
    { name: 'Lead', probability: 0.1 },
    { name: 'Qualified', probability: 0.25 },
    { name: 'Proposal', probability: 0.5 },
    { name: 'Negotiation', probability: 0.75 },
  ],
};

async function insertPipeline(
  scope: TenantScope,
  name: string,
  stages: readonly { name: string; probability: number }[],
  isDefault: boolean,
): Promise<PipelineRow | null> {
  const pipeline = scope.repository(PipelineEntity).create({ id: randomUUID(), name, isDefault, createdAt: new Date() });
  // The partial unique index makes a concurrent second default a no-op instead of an error.
  const inserted = await scope.manager.createQueryBuilder().insert().into(PipelineEntity).values(pipeline).orIgnore().returning('id').execute();
  if (inserted.raw.length === 0) return null;
  const stageRows = scope.repository(StageEntity);
  await scope.manager.insert(
    StageEntity,
    stages.map((stage, index) =>
      stageRows.create({ id: randomUUID(), pipelineId: pipeline.id, name: stage.name, position: index + 1, probability: String(stage.probability) }),
    ),
  );
  return pipeline;
}

/** The tenant's default pipeline, created with its stages the first time anything needs it. */
export async function defaultPipeline(scope: TenantScope): Promise<PipelineRow> {
  const pipelines = scope.repository(PipelineEntity);
  const existing = await pipelines.findOneBy({ isDefault: true });
  if (existing) return existing;
  const created = await insertPipeline(scope, DEFAULT_PIPELINE.name, DEFAULT_PIPELINE.stages, true);
  if (created) return created;
  // Another transaction created it first; it is visible once that one committed.
  const winner = await pipelines.findOneBy({ isDefault: true });
  if (!winner) throw new Error('default pipeline vanished');
  return winner;
}

export class PipelineService {
  constructor(private readonly dataSource: DataSource) {}

  async create(auth: AuthContext, input: CreatePipelineInput): Promise<PipelineModel> {
    requireRole(auth, WRITERS);
    const name = requireText(input.name, 'name');
    if (input.stages.length === 0) throw badInput('stages', 'a pipeline needs at least one stage');
    if (input.stages.length > 50) throw badInput('stages', 'a pipeline has at most 50 stages');
    const stages = input.stages.map((stage, index) => {
      if (!Number.isFinite(stage.probability) || stage.probability < 0 || stage.probability > 1) {
        throw badInput(`stages[${index}].probability`, 'probability must be between 0 and 1');
      }
      return { name: requireText(stage.name, `stages[${index}].name`), probability: stage.probability };
    });
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      // A tenant's first pipeline comes after the default one, which stays the default.
      await defaultPipeline(scope);
      const row = await insertPipeline(scope, name, stages, false);
      return toPipelineModel(row!);
    });
  }

  async list(auth: AuthContext): Promise<PipelineModel[]> {
    requireRole(auth, READERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      await defaultPipeline(scope);
      const rows = await scope.repository(PipelineEntity).find({ order: { isDefault: 'DESC', createdAt: 'ASC', id: 'ASC' } });
      return rows.map(toPipelineModel);
    });
  }

  /** Stages of any number of pipelines, in order, in one query. */
  async stagesOf(auth: AuthContext, pipelineIds: readonly string[]): Promise<StageModel[]> {
    const ids = pipelineIds.filter(isUuid);
    if (ids.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (
        await scope
          .repository(StageEntity)
          .queryBuilder('stage')
          .andWhere('stage.pipelineId IN (:...ids)', { ids })
          .orderBy('stage.pipelineId')
          .addOrderBy('stage.position')
          .getMany()
      ).map(toStageModel),
    );
  }

  /** Any number of stages by id in one query; other tenants' ids are absent. */
  async stagesByIds(auth: AuthContext, stageIds: readonly string[]): Promise<StageModel[]> {
    const ids = stageIds.filter(isUuid);
    if (ids.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) => (await scope.repository(StageEntity).findByIds(ids)).map(toStageModel));
  }
}
