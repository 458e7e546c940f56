import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

/** Amounts travel as decimal strings in major units ("12.30"): never a binary float. */
export const decimalAmount = z.string().regex(/^-?\d+\.\d{2}$/);
export const currencyCode = z.string().regex(/^[A-Z]{3}$/);

/** An order was placed; its total was computed by sales-pipeline from the product prices. */
export const OrderPlacedV1 = defineEvent({
  type: 'OrderPlaced',
  version: 1,
  topic: TOPICS.orders,
  producer: 'sales-pipeline',
  consumers: ['analytics'],
  description:
    'An order was placed: its lines with the unit prices charged, and the total computed from them (decimal strings in major units). Imported orders carry their historical `placedAt`; a re-import that changes an order publishes it again under the same `orderId`, so consumers upsert by `orderId`.',
  payload: z.object({
    orderId: z.uuid(),
    lines: z
      .array(z.object({ productId: z.uuid(), sku: z.string(), quantity: z.number().int().positive(), unitPrice: decimalAmount }))
      .min(1),
    totalAmount: decimalAmount,
    currency: currencyCode,
    placedAt: z.iso.datetime({ offset: true }),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
  }),
});

/** Payments reached the order's total: the revenue is earned. Partial payments do not emit it. */
export const OrderPaidV1 = defineEvent({
  type: 'OrderPaid',
  version: 1,
  topic: TOPICS.orders,
  producer: 'sales-pipeline',
  consumers: ['analytics', 'contacts', 'support'],
  description:
    'Payments reached the total of an order (sent once, by the payment that completes it); `paidAt` is that payment\'s time, `dueAt` allows late payments to be measured. An imported historical order is paid at its `placedAt` (again when a re-import changes it); one of total zero has `paymentCount` 0.',
  payload: z.object({
    orderId: z.uuid(),
    totalAmount: decimalAmount,
    currency: currencyCode,
    paymentCount: z.number().int().nonnegative(),
    placedAt: z.iso.datetime({ offset: true }),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    paidAt: z.iso.datetime({ offset: true }),
  }),
});
