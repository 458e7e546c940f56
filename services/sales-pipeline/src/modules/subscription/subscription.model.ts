import { centsOf, type Cents } from '../../money.js';
import type { SubscriptionRow } from './subscription.entity.js';

export interface SubscriptionModel {
  id: string;
  customerId: string;
  productId: string;
  mrrCents: Cents;
  currency: string;
  startedAt: Date;
  endedAt: Date | null;
}

export const toSubscriptionModel = (row: SubscriptionRow): SubscriptionModel => ({
  id: row.id,
  customerId: row.customerId,
  productId: row.productId,
  mrrCents: centsOf(row.mrr),
  currency: row.currency.trim(),
  startedAt: row.startedAt,
  endedAt: row.endedAt,
});
