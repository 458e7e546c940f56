import { randomUUID } from 'node:crypto';
import {
  badInput,
  decodeCursor,
  DomainError,
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
import { CustomerCreatedV1, CustomerUpdatedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import type { DataSource } from 'typeorm';
import type { CreateCustomerInput, CustomerFilter, SetLifecycleStageInput, UpdateCustomerInput } from '../../generated/graphql.js';
import { advanceLifecycleStage, changeLifecycleStage } from '../lifecycle/lifecycle.service.js';
import { routeCustomerOwner } from '../member/member.routing.js';
import { READERS, WRITERS } from '../../roles.js';
import type { ItemPath } from '../../bulk.js';
import { definitionsOf } from '../field-definition/field-definition.service.js';
import { validateCustomFields } from '../field-definition/field-definition.validation.js';
import { CustomerEntity, type CustomerRow } from './customer.entity.js';
import { toCustomerCreatedPayload, toCustomerUpdatedPayload, type UpdatableCustomerField } from './customer.events.js';
import { toCustomerModel, type CustomerModel } from './customer.model.js';
import {
  normaliseCountry,
  normaliseDomain,
  normaliseEmail,
  normaliseTags,
  optionalMemberId,
  optionalText,
  requireText,
} from './customer.validation.js';

export const CONTACTS_PRODUCER = 'contacts';

/**
 * Locks a customer of the scope's tenant for the rest of the transaction, so that concurrent
 * writes (update, merge, erasure) apply one after the other. Another tenant's id is NOT_FOUND.
 */
export async function lockCustomer(scope: TenantScope, id: string): Promise<CustomerRow> {
  if (!isUuid(id)) throw notFound('customer', id);
  const row = await scope
    .repository(CustomerEntity)
    .queryBuilder('customer')
    .andWhere('customer.id = :id', { id })
    .setLock('pessimistic_write')
    .getOne();
  if (!row) throw notFound('customer', id);
  return row;
}

/**
 * The customers of a list of items (bulk writes), each locked like lockCustomer locks one, in
 * one statement in id order as merges lock theirs, so overlapping writes cannot deadlock.
 * Returns each item's customer; an unknown id or another tenant's is NOT_FOUND naming the item.
 */
export async function lockCustomersOf(scope: TenantScope, customerIds: readonly string[], path: ItemPath): Promise<CustomerRow[]> {
  const ids = [...new Set(customerIds.filter(isUuid).map((id) => id.toLowerCase()))];
  const locked =
    ids.length === 0
      ? []
      : await scope
          .repository(CustomerEntity)
          .queryBuilder('customer')
          .andWhere('customer.id IN (:...ids)', { ids })
          .orderBy('customer.id')
          .setLock('pessimistic_write')
          .getMany();
  const byId = new Map(locked.map((row) => [row.id, row] as const));
  return customerIds.map((id, index) => {
    const row = byId.get(id.toLowerCase());
    if (!row) throw new DomainError('NOT_FOUND', `customer ${id} not found`, path(index, 'customerId'));
    return row;
  });
}

/** The referrer's current id (a merged id gives its survivor); unknown or another tenant's: NOT_FOUND. */
async function resolveReferrer(scope: TenantScope, id: string): Promise<string> {
  const missing = new DomainError('NOT_FOUND', `customer ${id} not found`, 'referredById');
  if (!isUuid(id)) throw missing;
  const [row]: { id: string }[] = await scope.manager.query(
    `SELECT c.id FROM customers c
      WHERE c.tenant_id = $1
        AND c.id = coalesce((SELECT survivor_id FROM customer_merges WHERE tenant_id = $1 AND merged_id = $2), $2)`,
    [scope.tenantId, id],
  );
  if (!row) throw missing;
  return row.id;
}

function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** The rules of the Customer aggregate; every call is bound to the caller's tenant. */
export class CustomerService {
  constructor(private readonly dataSource: DataSource) {}

  async create(auth: AuthContext, input: CreateCustomerInput): Promise<CustomerModel> {
    requireRole(auth, WRITERS);
    const now = new Date();
    const values = {
      id: randomUUID(),
      name: requireText(input.name, 'name'),
      externalId: optionalText(input.externalId, 'externalId'),
      kind: input.kind,
      email: normaliseEmail(input.email),
      domain: normaliseDomain(input.domain),
      industry: optionalText(input.industry, 'industry'),
      country: normaliseCountry(input.country),
      lifecycleStage: 'ACQUISITION' as const,
      ownerId: optionalMemberId(input.ownerId, 'ownerId'),
      tags: normaliseTags(input.tags),
      source: optionalText(input.source, 'source'),
      createdAt: now,
      updatedAt: now,
      erasedAt: null,
    };
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const customFields =
        input.customFields === null || input.customFields === undefined
          ? {}
          : validateCustomFields(input.customFields, await definitionsOf(scope));
      const referredById = input.referredById ? await resolveReferrer(scope, input.referredById) : null;
      // Unowned: the lead routing rules pick an owner (issue 5), or it stays unowned.
      const ownerId = values.ownerId ?? (await routeCustomerOwner(scope, values));
      const customers = scope.repository(CustomerEntity);
      const saved = await customers.insert(customers.create({ ...values, ownerId, customFields, referredById }));
      // Published if and only if the customer is stored: same transaction.
      await recordEvent(scope.manager, CONTACTS_PRODUCER, CustomerCreatedV1, {
        tenantId: scope.tenantId,
        customerId: saved.id,
        payload: toCustomerCreatedPayload(saved),
        occurredAt: saved.createdAt,
      });
      // A referral made is advocacy (seed 001): the referrer moves forward to ADVOCACY.
      if (referredById) {
        const referrer = await lockCustomer(scope, referredById);
        await advanceLifecycleStage(scope, referrer, { toStage: 'ADVOCACY', reason: 'REFERRAL_MADE', at: now });
      }
      return toCustomerModel(saved);
    });
  }

  /** Changes only the fields present in the input; no change, no event. */
  async update(auth: AuthContext, input: UpdateCustomerInput): Promise<CustomerModel> {
    requireRole(auth, WRITERS);
    // Normalised before the transaction: invalid input never takes a lock.
    const patch: Partial<Pick<CustomerRow, UpdatableCustomerField>> = {};
    if (input.name !== undefined) {
      if (input.name === null) throw badInput('name', 'name cannot be cleared');
      patch.name = requireText(input.name, 'name');
    }
    if (input.email !== undefined) patch.email = normaliseEmail(input.email);
    if (input.domain !== undefined) patch.domain = normaliseDomain(input.domain);
    if (input.industry !== undefined) patch.industry = optionalText(input.industry, 'industry');
    if (input.country !== undefined) patch.country = normaliseCountry(input.country);
    if (input.ownerId !== undefined) patch.ownerId = optionalMemberId(input.ownerId, 'ownerId');
    if (input.tags !== undefined) patch.tags = normaliseTags(input.tags);
    if (input.source !== undefined) patch.source = optionalText(input.source, 'source');

    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const row = await lockCustomer(scope, input.id);
      if (input.customFields !== undefined && input.customFields !== null) {
        patch.customFields = validateCustomFields(input.customFields, await definitionsOf(scope), row.customFields);
      }
      const changed = (Object.keys(patch) as UpdatableCustomerField[]).filter((field) => !sameValue(row[field], patch[field]));
      if (changed.length === 0) return toCustomerModel(row);
      Object.assign(row, patch, { updatedAt: new Date() });
      const saved = await scope.repository(CustomerEntity).save(row);
      await recordEvent(scope.manager, CONTACTS_PRODUCER, CustomerUpdatedV1, {
        tenantId: scope.tenantId,
        customerId: saved.id,
        payload: toCustomerUpdatedPayload(saved, changed),
        occurredAt: saved.updatedAt,
      });
      return toCustomerModel(saved);
    });
  }

  /**
   * A move by hand. The timeline shows it as a NOTE carrying from/to stages, written in the
   * same transaction, so the timeline and the event never disagree.
   */
  async setLifecycleStage(auth: AuthContext, input: SetLifecycleStageInput): Promise<CustomerModel> {
    requireRole(auth, WRITERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const row = await lockCustomer(scope, input.customerId);
      const saved = await changeLifecycleStage(scope, row, { toStage: input.stage, reason: 'manual', changedBy: auth.memberId, at: new Date() });
      return toCustomerModel(saved);
    });
  }

  /**
   * Any number of customers in one query, each under the id it was asked for: a merged id
   * answers with its survivor. Ids of other tenants are absent.
   */
  async findByIds(auth: AuthContext, ids: readonly string[]): Promise<{ requestedId: string; customer: CustomerModel }[]> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const { raw, entities } = await scope
        .repository(CustomerEntity)
        .queryBuilder('customer')
        .innerJoin(
          `(SELECT requested.id AS requested_id, coalesce(merge.survivor_id, requested.id) AS customer_id
              FROM unnest(CAST(:ids AS uuid[])) AS requested (id)
              LEFT JOIN customer_merges merge ON merge.tenant_id = :tenantId AND merge.merged_id = requested.id)`,
          'target',
          'target.customer_id = customer.id',
        )
        .addSelect('target.requested_id', 'requested_id')
        .setParameter('ids', valid)
        .getRawAndEntities<{ customer_id: string; requested_id: string }>();
      const byId = new Map(entities.map((row) => [row.id, toCustomerModel(row)] as const));
      return raw.flatMap((row) => {
        const customer = byId.get(row.customer_id);
        return customer ? [{ requestedId: row.requested_id, customer }] : [];
      });
    });
  }

  async list(
    auth: AuthContext,
    first: number | null | undefined,
    after: string | null | undefined,
    filter: CustomerFilter | null | undefined,
  ): Promise<Connection<CustomerModel>> {
    requireRole(auth, READERS);
    const limit = pageSize(first);
    const position = decodeCursor(after);
    const country = filter?.country === undefined ? undefined : normaliseCountry(filter.country, 'filter.country');
    if (filter?.ownerId !== undefined && filter.ownerId !== null && !isUuid(filter.ownerId)) {
      throw badInput('filter.ownerId', 'filter.ownerId must be a member id (UUID)');
    }
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const customers = scope.repository(CustomerEntity);
      const filtered = customers.queryBuilder('customer');
      if (filter?.lifecycleStage) filtered.andWhere('customer.lifecycleStage = :stage', { stage: filter.lifecycleStage });
      if (filter?.ownerId) filtered.andWhere('customer.ownerId = :ownerId', { ownerId: filter.ownerId });
      if (filter?.kind) filtered.andWhere('customer.kind = :kind', { kind: filter.kind });
      if (country) filtered.andWhere('customer.country = :country', { country });
      if (filter?.tag) filtered.andWhere('customer.tags @> ARRAY[:tag]::text[]', { tag: filter.tag.trim() });
      if (filter?.createdAfter) filtered.andWhere('customer.createdAt >= :createdAfter', { createdAfter: filter.createdAfter });
      if (filter?.createdBefore) filtered.andWhere('customer.createdAt < :createdBefore', { createdBefore: filter.createdBefore });
      const page = filtered.clone().orderBy('customer.createdAt', 'ASC').addOrderBy('customer.id', 'ASC');
      if (position) {
        page.andWhere('(customer.createdAt, customer.id) > (:createdAt, :id)', {
          createdAt: position.sortValue,
          id: position.id,
        });
      }
      const [rows, totalCount] = await Promise.all([page.take(limit + 1).getMany(), filtered.getCount()]);
      return toConnection(
        rows,
        limit,
        totalCount,
        (row) => ({ sortValue: row.createdAt.toISOString(), id: row.id }),
        toCustomerModel,
      );
    });
  }
}
