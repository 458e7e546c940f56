import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';
import { currencyCode, decimalAmount } from './order.events.js';

export const MRR_MOVEMENT_KINDS = ['NEW', 'EXPANSION', 'CONTRACTION', 'CHURN', 'REACTIVATION'] as const;

/** A subscription started, changed or ended, classified as one MRR movement of its customer. */
export const SubscriptionChangedV1 = defineEvent({
  type: 'SubscriptionChanged',
  version: 1,
  topic: TOPICS.subscriptions,
  producer: 'sales-pipeline',
  consumers: ['analytics'],
  description:
    "A subscription started, changed or ended. `movement` classifies it at the customer's level (NEW, EXPANSION, CONTRACTION, CHURN, REACTIVATION) for `month` (YYYY-MM); `amount` is the signed change of the customer's MRR, with the customer's MRR before and after.",
  payload: z.object({
    subscriptionId: z.uuid(),
    productId: z.uuid(),
    movement: z.enum(MRR_MOVEMENT_KINDS),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    amount: decimalAmount,
    subscriptionMrrBefore: decimalAmount,
    subscriptionMrrAfter: decimalAmount,
    customerMrrBefore: decimalAmount,
    customerMrrAfter: decimalAmount,
    currency: currencyCode,
    startedAt: z.iso.datetime({ offset: true }),
    endedAt: z.iso.datetime({ offset: true }).nullable(),
    occurredAt: z.iso.datetime({ offset: true }),
  }),
});
