import type { CustomerCreatedV1, PayloadOf } from '@rapport/events';
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
    createdAt: row.createdAt.toISOString(),
  };
}
