import { randomUUID } from 'node:crypto';
import { DealLostV1, DealStageChangedV1, DealWonV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import {
  badInput,
  decodeCursor,
  isUuid,
  notFound,
  pageSize,
  requireRole,
  toConnection,
  withTenant,
  type AuthContext,
  type Connection,
  type TenantScope,
} from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { CreateDealInput, DealFilter, LoseDealInput, MoveDealInput, WinDealInput } from '../../generated/graphql.js';
import { normaliseCurrency, toCents, toNumeric } from '../../money.js';
import { READERS, WRITERS } from '../../roles.js';
import { dateOr, requireText, requireUuid } from '../../validation.js';
import { SALES_PRODUCER } from '../../producer.js';
import { StageEntity, type StageRow } from '../pipeline/pipeline.entity.js';
import { toStageModel } from '../pipeline/pipeline.model.js';
import { defaultPipeline } from '../pipeline/pipeline.service.js';
import { DealEntity, DealStageChangeEntity, type DealRow } from './deal.entity.js';
import { toDealLostPayload, toDealStageChangedPayload, toDealWonPayload } from './deal.events.js';
import { toDealModel, toStageChangeModel, type DealModel, type StageChangeModel } from './deal.model.js';

function optionalId(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined ? null : requireUuid(value, field);
}

export class DealService {
  constructor(private readonly dataSource: DataSource) {}

  async create(auth: AuthContext, input: CreateDealInput): Promise<DealModel> {
    requireRole(auth, WRITERS);
    const customerId = requireUuid(input.customerId, 'customerId');
    const title = requireText(input.title, 'title');
    const amount = toNumeric(toCents(input.amount, 'amount', { allowZero: true }));
    const currency = normaliseCurrency(input.currency);
    const pipelineId = optionalId(input.pipelineId, 'pipelineId');
    const stageId = optionalId(input.stageId, 'stageId');
    // The seller who creates a deal owns it unless someone else is named.
    const ownerId = optionalId(input.ownerId, 'ownerId') ?? (isUuid(auth.memberId) ? auth.memberId.toLowerCase() : null);
    const now = new Date();
    const expectedCloseAt = input.expectedCloseAt === null || input.expectedCloseAt === undefined ? null : dateOr(input.expectedCloseAt, now);

    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const stage = await this.startingStage(scope, pipelineId, stageId);
      const deals = scope.repository(DealEntity);
      const row = await deals.insert(
        deals.create({
          id: randomUUID(),
          customerId,
          title,
          amount,
          currency,
          pipelineId: stage.pipelineId,
          stageId: stage.id,
          status: 'OPEN',
          ownerId,
          expectedCloseAt,
          closedAt: null,
          lostReason: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const deal = toDealModel(row);
      await this.enterStage(scope, auth, deal, null, stage, now);
      return deal;
    });
  }

  async move(auth: AuthContext, input: MoveDealInput): Promise<DealModel> {
    requireRole(auth, WRITERS);
    const stageId = requireUuid(input.stageId, 'stageId');
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const row = await this.lockOpenDeal(scope, input.dealId);
      const stage = await scope.repository(StageEntity).findById(stageId);
      if (!stage) throw badInput('stageId', `unknown stage ${input.stageId}`);
      if (stage.pipelineId !== row.pipelineId) throw badInput('stageId', "the stage is not in the deal's pipeline");
      if (stage.id === row.stageId) return toDealModel(row);
      const fromStageId = row.stageId;
      const now = new Date();
      row.stageId = stage.id;
      row.updatedAt = now;
      const deal = toDealModel(await scope.repository(DealEntity).save(row));
      await this.enterStage(scope, auth, deal, fromStageId, stage, now);
      return deal;
    });
  }

  async win(auth: AuthContext, input: WinDealInput): Promise<DealModel> {
    requireRole(auth, WRITERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const row = await this.lockOpenDeal(scope, input.dealId);
      const now = new Date();
      Object.assign(row, { status: 'WON', closedAt: now, updatedAt: now });
      const deal = toDealModel(await scope.repository(DealEntity).save(row));
      await recordEvent(scope.manager, SALES_PRODUCER, DealWonV1, {
        tenantId: scope.tenantId,
        customerId: deal.customerId,
        payload: toDealWonPayload({ ...deal, closedAt: now }),
        occurredAt: now,
      });
      return deal;
    });
  }

  async lose(auth: AuthContext, input: LoseDealInput): Promise<DealModel> {
    requireRole(auth, WRITERS);
    const reason = requireText(input.reason, 'reason', 1000);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const row = await this.lockOpenDeal(scope, input.dealId);
      const now = new Date();
      Object.assign(row, { status: 'LOST', closedAt: now, lostReason: reason, updatedAt: now });
      const deal = toDealModel(await scope.repository(DealEntity).save(row));
      await recordEvent(scope.manager, SALES_PRODUCER, DealLostV1, {
        tenantId: scope.tenantId,
        customerId: deal.customerId,
        payload: toDealLostPayload({ ...deal, closedAt: now, lostReason: reason }),
        occurredAt: now,
      });
      return deal;
    });
  }

  async list(
    auth: AuthContext,
    first: number | null | undefined,
    after: string | null | undefined,
    filter: DealFilter | null | undefined,
  ): Promise<Connection<DealModel>> {
    requireRole(auth, READERS);
    const limit = pageSize(first);
    const position = decodeCursor(after);
    if (position && (!isUuid(position.id) || Number.isNaN(Date.parse(position.sortValue)))) {
      throw badInput('after', 'cursor is not one this API issued');
    }
    const criteria = {
      pipelineId: optionalId(filter?.pipelineId, 'filter.pipelineId'),
      stageId: optionalId(filter?.stageId, 'filter.stageId'),
      ownerId: optionalId(filter?.ownerId, 'filter.ownerId'),
      customerId: optionalId(filter?.customerId, 'filter.customerId'),
    };
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const filtered = scope.repository(DealEntity).queryBuilder('deal');
      if (filter?.status) filtered.andWhere('deal.status = :status', { status: filter.status });
      for (const [column, value] of Object.entries(criteria)) {
        if (value !== null) filtered.andWhere(`deal.${column} = :${column}`, { [column]: value });
      }
      const page = filtered.clone().orderBy('deal.createdAt', 'DESC').addOrderBy('deal.id', 'DESC');
      if (position) {
        page.andWhere('(deal.createdAt, deal.id) < (:createdAt, :id)', { createdAt: position.sortValue, id: position.id });
      }
      const [rows, totalCount] = await Promise.all([page.take(limit + 1).getMany(), filtered.getCount()]);
      return toConnection(rows, limit, totalCount, (row) => ({ sortValue: row.createdAt.toISOString(), id: row.id }), toDealModel);
    });
  }

  /** Any number of deals by id in one query; other tenants' ids are absent. */
  async findByIds(auth: AuthContext, ids: readonly string[]): Promise<DealModel[]> {
    requireRole(auth, READERS);
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) => (await scope.repository(DealEntity).findByIds(valid)).map(toDealModel));
  }

  /** The deals of any number of customers in one query, newest first. */
  async forCustomers(auth: AuthContext, customerIds: readonly string[]): Promise<DealModel[]> {
    requireRole(auth, READERS);
    const ids = customerIds.filter(isUuid);
    if (ids.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (
        await scope
          .repository(DealEntity)
          .queryBuilder('deal')
          .andWhere('deal.customerId IN (:...ids)', { ids })
          .orderBy('deal.createdAt', 'DESC')
          .addOrderBy('deal.id', 'DESC')
          .getMany()
      ).map(toDealModel),
    );
  }

  /** The stage history of any number of deals in one query, oldest first. */
  async historyOf(auth: AuthContext, dealIds: readonly string[]): Promise<StageChangeModel[]> {
    const ids = dealIds.filter(isUuid);
    if (ids.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (
        await scope
          .repository(DealStageChangeEntity)
          .queryBuilder('change')
          .andWhere('change.dealId IN (:...ids)', { ids })
          .orderBy('change.changedAt', 'ASC')
          .addOrderBy('change.id', 'ASC')
          .getMany()
      ).map(toStageChangeModel),
    );
  }

  private async startingStage(scope: TenantScope, pipelineId: string | null, stageId: string | null): Promise<StageRow> {
    const stages = scope.repository(StageEntity);
    if (stageId !== null) {
      const stage = await stages.findById(stageId);
      if (!stage) throw badInput('stageId', `unknown stage ${stageId}`);
      if (pipelineId !== null && stage.pipelineId !== pipelineId) throw badInput('stageId', 'the stage is not in the given pipeline');
      return stage;
    }
    const pipeline = pipelineId ?? (await defaultPipeline(scope)).id;
    const [first] = await stages.find({ where: { pipelineId: pipeline }, order: { position: 'ASC' }, take: 1 });
    if (!first) throw badInput('pipelineId', `unknown pipeline ${pipelineId}`);
    return first;
  }

  /** Locks an open deal of the tenant; another tenant's id is NOT_FOUND, a closed deal cannot change. */
  private async lockOpenDeal(scope: TenantScope, dealId: string): Promise<DealRow> {
    if (!isUuid(dealId)) throw notFound('deal', dealId);
    const row = await scope.repository(DealEntity).queryBuilder('deal').andWhere('deal.id = :id', { id: dealId }).setLock('pessimistic_write').getOne();
    if (!row) throw notFound('deal', dealId);
    if (row.status !== 'OPEN') throw badInput('dealId', `the deal is ${row.status.toLowerCase()}: a closed deal cannot change`);
    return row;
  }

  /** The history row and its event, in the transaction of the change. */
  private async enterStage(scope: TenantScope, auth: AuthContext, deal: DealModel, fromStageId: string | null, stage: StageRow, at: Date) {
    const changes = scope.repository(DealStageChangeEntity);
    await changes.insert(
      changes.create({ id: randomUUID(), dealId: deal.id, fromStageId, toStageId: stage.id, changedAt: at, changedBy: auth.memberId }),
    );
    await recordEvent(scope.manager, SALES_PRODUCER, DealStageChangedV1, {
      tenantId: scope.tenantId,
      customerId: deal.customerId,
      payload: toDealStageChangedPayload(deal, fromStageId, toStageModel(stage), at),
      occurredAt: at,
    });
  }
}
