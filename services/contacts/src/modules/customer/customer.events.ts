import type { CustomerCreatedV1, CustomerUpdatedV1, PayloadOf } from '@rapport/events';
import type { UPDATABLE_CUSTOMER_FIELDS } from '@rapport/events';
import type { CustomerRow } from './customer.entity.js';

/** The flat, serialisable payload of CustomerCreated, mapped field by field from the row. */
export function toCustomerCreatedPayload(row: CustomerRow): PayloadOf<typeof CustomerCreatedV1> {
  return {
    name: row.name,
    kind: row.kind,
    externalId: row.externalId,
    email: row.email,
    domain: row.domain,
    industry: row.industry,
    country: row.country,
    lifecycleStage: row.lifecycleStage,
    ownerId: row.ownerId,
    tags: row.tags,
    source: row.source,
    referredById: row.referredById,
    createdAt: row.createdAt.toISOString(),
  };
}

export type UpdatableCustomerField = (typeof UPDATABLE_CUSTOMER_FIELDS)[number];

/** CustomerUpdated carries the names of the changed fields and, for each, its new value only. */
export function toCustomerUpdatedPayload(
  row: CustomerRow,
  changed: readonly UpdatableCustomerField[],
): PayloadOf<typeof CustomerUpdatedV1> {
  const payload: PayloadOf<typeof CustomerUpdatedV1> = { changedFields: [...changed], updatedAt: row.updatedAt.toISOString() };
  for (const field of changed) {
    switch (field) {
      case 'name':
        payload.name = row.name;
        break;
      case 'email':
        payload.email = row.email;
        break;
      case 'domain':
        payload.domain = row.domain;
        break;
      case 'industry':
        payload.industry = row.industry;
        break;
      case 'country':
        payload.country = row.country;
        break;
      case 'ownerId':
        payload.ownerId = row.ownerId;
        break;
      case 'tags':
        payload.tags = [...row.tags];
        break;
      case 'source':
        payload.source = row.source;
        break;
      case 'customFields':
        payload.customFields = { ...row.customFields };
        break;
    }
  }
  return payload;
}
