import { EntitySchema } from 'typeorm';
import type { CustomerKind, LifecycleStage } from '../../generated/graphql.js';

/** A stored customer row. Never returned to GraphQL or put in an event as is. */
export interface CustomerRow {
  id: string;
  tenantId: string;
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
  /** The customer who referred this one; may be a merged id, which resolves to its survivor. */
  referredById: string | null;
  customFields: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the personal data was erased; the row keeps only anonymous facts. */
  erasedAt: Date | null;
}

export const CustomerEntity = new EntitySchema<CustomerRow>({
  name: 'Customer',
  tableName: 'customers',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    name: { type: 'text' },
    externalId: { name: 'external_id', type: 'text', nullable: true },
    kind: { type: 'text' },
    email: { type: 'text', nullable: true },
    domain: { type: 'text', nullable: true },
    industry: { type: 'text', nullable: true },
    country: { type: 'text', nullable: true },
    lifecycleStage: { name: 'lifecycle_stage', type: 'text' },
    ownerId: { name: 'owner_id', type: 'uuid', nullable: true },
    tags: { type: 'text', array: true },
    source: { type: 'text', nullable: true },
    referredById: { name: 'referred_by_id', type: 'uuid', nullable: true },
    customFields: { name: 'custom_fields', type: 'jsonb' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
    erasedAt: { name: 'erased_at', type: 'timestamptz', nullable: true },
  },
});
