import type { PayloadOf, SubscriptionChangedV1 } from '@rapport/events';
import { toNumeric, type Cents } from '../../money.js';
import type { MrrMovementKind } from './subscription.entity.js';
import type { SubscriptionModel } from './subscription.model.js';

export interface MrrMovement {
  kind: MrrMovementKind;
  subscriptionMrrBefore: Cents;
  customerMrrBefore: Cents;
  customerMrrAfter: Cents;
  occurredAt: Date;
}

/** "2025-03" for a movement at any time in March 2025 (UTC). */
export const monthOf = (at: Date): string => at.toISOString().slice(0, 7);

export function toSubscriptionChangedPayload(subscription: SubscriptionModel, movement: MrrMovement): PayloadOf<typeof SubscriptionChangedV1> {
  return {
    subscriptionId: subscription.id,
    productId: subscription.productId,
    movement: movement.kind,
    month: monthOf(movement.occurredAt),
    amount: toNumeric(movement.customerMrrAfter - movement.customerMrrBefore),
    subscriptionMrrBefore: toNumeric(movement.subscriptionMrrBefore),
    subscriptionMrrAfter: toNumeric(subscription.endedAt === null ? subscription.mrrCents : 0),
    customerMrrBefore: toNumeric(movement.customerMrrBefore),
    customerMrrAfter: toNumeric(movement.customerMrrAfter),
    currency: subscription.currency,
    startedAt: subscription.startedAt.toISOString(),
    endedAt: subscription.endedAt?.toISOString() ?? null,
    occurredAt: movement.occurredAt.toISOString(),
  };
}
