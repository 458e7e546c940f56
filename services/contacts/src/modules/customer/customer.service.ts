import { randomUUID } from 'node:crypto';
import {
  decodeCursor,
  isUuid,
  pageSize,
  toConnection,
  withTenant,
  type AuthContext,
  type Connection,
} from '@rapport/service-kit';
import { CustomerCreatedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import type { DataSource } from 'typeorm';
import type { CreateCustomerInput } from '../../generated/graphql.js';
import { CustomerEntity } from './customer.entity.js';
import { toCustomerCreatedPayload } from './customer.events.js';
import { toCustomerModel, type CustomerModel } from './customer.model.js';
import { normaliseCountry, normaliseDomain, normaliseEmail, requireText } from './customer.validation.js';

export const CONTACTS_PRODUCER = 'contacts';

/** The rules of the Customer aggregate; every call is bound to the caller's tenant. */
export class CustomerService {
  constructor(private readonly dataSource: DataSource) {}

  async create(auth: AuthContext, input: CreateCustomerInput): Promise<CustomerModel> {
    const now = new Date();
    const values = {
      id: randomUUID(),
      name: requireText(input.name, 'name'),
      externalId: input.externalId?.trim() || null,
      kind: input.kind,
      email: normaliseEmail(input.email),
      domain: normaliseDomain(input.domain),
      industry: input.industry?.trim() || null,
      country: normaliseCountry(input.country),
      lifecycleStage: 'ACQUISITION' as const,
      ownerId: input.ownerId ?? null,
      tags: [...new Set((input.tags ?? []).map((tag) => tag.trim()).filter(Boolean))],
      source: input.source?.trim() || null,
      customFields: input.customFields ?? {},
      createdAt: now,
      updatedAt: now,
    };
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const customers = scope.repository(CustomerEntity);
      const saved = await customers.insert(customers.create(values));
      // Published if and only if the customer is stored: same transaction.
      await recordEvent(scope.manager, CONTACTS_PRODUCER, CustomerCreatedV1, {
        tenantId: scope.tenantId,
        customerId: saved.id,
        payload: toCustomerCreatedPayload(saved),
        occurredAt: saved.createdAt,
      });
      return toCustomerModel(saved);
    });
  }

  /** Any number of customers in one query; ids of other tenants are absent. */
  async findByIds(auth: AuthContext, ids: readonly string[]): Promise<CustomerModel[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (await scope.repository(CustomerEntity).findByIds(valid)).map(toCustomerModel),
    );
  }

  async list(auth: AuthContext, first: number | null | undefined, after: string | null | undefined): Promise<Connection<CustomerModel>> {
    const limit = pageSize(first);
    const position = decodeCursor(after);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const customers = scope.repository(CustomerEntity);
      const query = customers.queryBuilder('customer').orderBy('customer.createdAt', 'ASC').addOrderBy('customer.id', 'ASC');
      if (position) {
        query.andWhere('(customer.createdAt, customer.id) > (:createdAt, :id)', {
          createdAt: position.sortValue,
          id: position.id,
        });
      }
      const [rows, totalCount] = await Promise.all([query.clone().take(limit + 1).getMany(), customers.count()]);
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
