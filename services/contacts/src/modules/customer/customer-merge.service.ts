import {
  badInput,
  isUuid,
  notFound,
  pageSize,
  requireRole,
  withTenant,
  type AuthContext,
  type TenantScope,
} from '@rapport/service-kit';
import { CustomersMergedV1, CustomerUpdatedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import type { DataSource } from 'typeorm';
import type { MergeCustomersInput } from '../../generated/graphql.js';
import { READERS, WRITERS } from '../../roles.js';
import { CustomerEntity, type CustomerRow } from './customer.entity.js';
import { toCustomerUpdatedPayload, type UpdatableCustomerField } from './customer.events.js';
import { toCustomerModel, type CustomerModel } from './customer.model.js';
import { CONTACTS_PRODUCER } from './customer.service.js';

/** Names at least this similar (pg_trgm, 0..1) in the same country are suspected duplicates. */
const NAME_SIMILARITY_THRESHOLD = '0.6';

export interface DuplicateGroupModel {
  customers: CustomerModel[];
  reason: string;
}

/** Fields the survivor takes from a merged customer when its own are empty. */
const FILLABLE: readonly ('email' | 'domain' | 'industry' | 'country' | 'ownerId' | 'source')[] = [
  'email',
  'domain',
  'industry',
  'country',
  'ownerId',
  'source',
];

export class CustomerMergeService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Suspected duplicates, one group per reason: the same normalised email, the same domain,
   * or very similar names in the same country. Erased customers are never suggested.
   */
  async duplicates(auth: AuthContext, first: number | null | undefined): Promise<DuplicateGroupModel[]> {
    requireRole(auth, READERS);
    const limit = pageSize(first);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const page = await findDuplicateGroups(scope, limit);
      const rows = await scope.repository(CustomerEntity).findByIds([...new Set(page.flatMap((group) => group.ids))]);
      const byId = new Map(rows.map((row) => [row.id, toCustomerModel(row)] as const));
      return page.map((group) => ({
        reason: group.reason,
        customers: group.ids.flatMap((id) => {
          const customer = byId.get(id);
          return customer ? [customer] : [];
        }),
      }));
    });
  }

  /**
   * Atomic: the survivor takes the contacts, interactions and tasks of the merged customers,
   * their tags and custom fields, and any field it lacks; the merged rows are deleted and
   * their ids recorded so they keep resolving to the survivor. CustomersMerged (keyed by the
   * survivor) tells the other services to re-point their rows.
   */
  async merge(auth: AuthContext, input: MergeCustomersInput): Promise<CustomerModel> {
    requireRole(auth, WRITERS);
    const mergedIds = [...new Set(input.mergedIds.map((id) => id.toLowerCase()))];
    const survivorId = input.survivorId.toLowerCase();
    if (mergedIds.length === 0) throw badInput('mergedIds', 'name at least one customer to merge');
    if (mergedIds.includes(survivorId)) throw badInput('mergedIds', 'the survivor cannot be merged into itself');
    if (mergedIds.length > 100) throw badInput('mergedIds', 'merge at most 100 customers at once');
    for (const id of [survivorId, ...mergedIds]) if (!isUuid(id)) throw notFound('customer', id);

    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const customers = scope.repository(CustomerEntity);
      // One lock statement in id order, so that two overlapping merges cannot deadlock.
      const locked = await customers
        .queryBuilder('customer')
        .andWhere('customer.id IN (:...ids)', { ids: [survivorId, ...mergedIds] })
        .orderBy('customer.id')
        .setLock('pessimistic_write')
        .getMany();
      const byId = new Map(locked.map((row) => [row.id, row] as const));
      const survivor = byId.get(survivorId);
      if (!survivor) throw notFound('customer', survivorId);
      const mergedRows: CustomerRow[] = mergedIds.map((id) => {
        const row = byId.get(id);
        if (!row) throw notFound('customer', id);
        return row;
      });
      if (survivor.erasedAt) throw badInput('survivorId', 'an erased customer cannot absorb others');

      const before = structuredClone({ ...survivor });
      for (const row of mergedRows) {
        for (const field of FILLABLE) if (survivor[field] === null && row[field] !== null) survivor[field] = row[field] as never;
        survivor.tags = [...new Set([...survivor.tags, ...row.tags])];
        survivor.customFields = { ...row.customFields, ...survivor.customFields };
        survivor.externalId ??= row.externalId;
      }
      const now = new Date();
      const params = [scope.tenantId, survivorId, mergedIds];
      for (const table of ['contacts', 'interactions', 'tasks']) {
        await scope.manager.query(`UPDATE ${table} SET customer_id = $2 WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[])`, params);
      }
      await scope.manager.query(
        `UPDATE customer_merges SET survivor_id = $2 WHERE tenant_id = $1 AND survivor_id = ANY($3::uuid[])`,
        params,
      );
      await scope.manager.query(
        `INSERT INTO customer_merges (tenant_id, merged_id, survivor_id, merged_at, merged_by)
         SELECT $1, merged, $2, $4, $5 FROM unnest($3::uuid[]) AS merged`,
        [...params, now, auth.memberId],
      );
      // Deleted before the survivor is saved: the survivor may take over their external id.
      await scope.manager.query(`DELETE FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [scope.tenantId, mergedIds]);
      survivor.updatedAt = now;
      const saved = await customers.save(survivor);

      const changed = (['email', 'domain', 'industry', 'country', 'ownerId', 'source', 'tags', 'customFields'] as UpdatableCustomerField[]).filter(
        (field) => JSON.stringify(before[field]) !== JSON.stringify(saved[field]),
      );
      await recordEvent(scope.manager, CONTACTS_PRODUCER, CustomersMergedV1, {
        tenantId: scope.tenantId,
        customerId: survivorId,
        payload: { survivorId, mergedIds, mergedAt: now.toISOString() },
        occurredAt: now,
      });
      if (changed.length > 0) {
        await recordEvent(scope.manager, CONTACTS_PRODUCER, CustomerUpdatedV1, {
          tenantId: scope.tenantId,
          customerId: survivorId,
          payload: toCustomerUpdatedPayload(saved, changed),
          occurredAt: now,
        });
      }
      return toCustomerModel(saved);
    });
  }
}

/** The suspected duplicate groups of the scope's tenant; all of them when limit is null. */
export async function findDuplicateGroups(scope: TenantScope, limit: number | null): Promise<{ reason: string; ids: string[] }[]> {
  await scope.manager.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [NAME_SIMILARITY_THRESHOLD]);
  const groups: { reason: string; ids: string[] }[] = await scope.manager.query(
    `SELECT 'same email: ' || email AS reason, array_agg(id ORDER BY created_at, id)::text[] AS ids, min(created_at) AS first_at
       FROM customers WHERE tenant_id = $1 AND email IS NOT NULL AND erased_at IS NULL
      GROUP BY email HAVING count(*) > 1
     UNION ALL
     SELECT 'same domain: ' || domain, array_agg(id ORDER BY created_at, id)::text[], min(created_at)
       FROM customers WHERE tenant_id = $1 AND domain IS NOT NULL AND erased_at IS NULL
      GROUP BY domain HAVING count(*) > 1
     ORDER BY first_at, reason
     LIMIT $2`,
    [scope.tenantId, limit],
  );
  const pairs: { a: string; b: string; country: string }[] = await scope.manager.query(
    `SELECT a.id AS a, b.id AS b, a.country
       FROM customers a
       JOIN customers b ON b.tenant_id = a.tenant_id AND b.country = a.country AND b.id <> a.id
                       AND lower(b.name) % lower(a.name) AND b.erased_at IS NULL
      WHERE a.tenant_id = $1 AND a.country IS NOT NULL AND a.erased_at IS NULL
        AND (a.created_at, a.id) < (b.created_at, b.id)
      ORDER BY a.created_at, a.id, b.created_at, b.id`,
    [scope.tenantId],
  );
  groups.push(...groupPairs(pairs));
  return limit === null ? groups : groups.slice(0, limit);
}

/** Joins similar-name pairs into groups (transitively), one per connected set, oldest first. */
function groupPairs(pairs: readonly { a: string; b: string; country: string }[]): { reason: string; ids: string[] }[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const up = parent.get(id) ?? id;
    if (up === id) return id;
    const root = find(up);
    parent.set(id, root);
    return root;
  };
  const order: string[] = [];
  const country = new Map<string, string>();
  for (const pair of pairs) {
    for (const id of [pair.a, pair.b]) {
      if (!parent.has(id)) {
        parent.set(id, id);
        order.push(id);
      }
    }
    country.set(pair.a, pair.country);
    country.set(pair.b, pair.country);
    parent.set(find(pair.b), find(pair.a));
  }
  const groups = new Map<string, string[]>();
  for (const id of order) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.entries()].map(([root, ids]) => ({ reason: `similar names in ${country.get(root) ?? '?'}`, ids }));
}
