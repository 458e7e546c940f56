import { EntitySchema } from 'typeorm';

export interface SubscriptionRow {
  id: string;
  tenantId: string;
  customerId: string;
  productId: string;
  /** Monthly recurring revenue, numeric(14, 2) as a string. */
  mrr: string;
  currency: string;
  startedAt: Date;
  endedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const SubscriptionEntity = new EntitySchema<SubscriptionRow>({
  name: 'Subscription',
  tableName: 'subscriptions',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    productId: { name: 'product_id', type: 'uuid' },
    mrr: { type: 'numeric', precision: 14, scale: 2 },
    currency: { type: 'text' },
    startedAt: { name: 'started_at', type: 'timestamptz' },
    endedAt: { name: 'ended_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

export type MrrMovementKind = 'NEW' | 'EXPANSION' | 'CONTRACTION' | 'CHURN' | 'REACTIVATION';

export interface MrrMovementRow {
  id: string;
  tenantId: string;
  customerId: string;
  subscriptionId: string;
  /** The first day of the month the movement belongs to (UTC). */
  month: string;
  kind: MrrMovementKind;
  /** Signed change of the customer's MRR. */
  amount: string;
  customerMrrBefore: string;
  customerMrrAfter: string;
  currency: string;
  occurredAt: Date;
}

export const MrrMovementEntity = new EntitySchema<MrrMovementRow>({
  name: 'MrrMovement',
  tableName: 'mrr_movements',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    subscriptionId: { name: 'subscription_id', type: 'uuid' },
    month: { type: 'date' },
    kind: { type: 'text' },
    amount: { type: 'numeric', precision: 14, scale: 2 },
    customerMrrBefore: { name: 'customer_mrr_before', type: 'numeric', precision: 14, scale: 2 },
    customerMrrAfter: { name: 'customer_mrr_after', type: 'numeric', precision: 14, scale: 2 },
    currency: { type: 'text' },
    occurredAt: { name: 'occurred_at', type: 'timestamptz' },
  },
});
