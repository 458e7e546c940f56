import type { CustomerKind, LifecycleStage } from '../../generated/graphql.js';
import type { CustomerRow } from './customer.entity.js';

/** What the Customer resolvers receive: a plain object, decoupled from the table. */
export interface CustomerModel {
  id: string;
  name: string;
  externalId: string | null;
  kind: CustomerKind;
  email: string | null;
  domain: string | null;
  industry: string | null;
  country: string | null;
  lifecycleStage: LifecycleStage;
  ownerId: string | null;
  tags: string[];
  source: string | null;
  referredById: string | null;
  customFields: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export function toCustomerModel(row: CustomerRow): CustomerModel {
  const { tenantId: _tenantId, erasedAt: _erasedAt, ...model } = row;
  return model;
}
