import type { OrderPaidV1, OrderPlacedV1, PayloadOf } from '@rapport/events';
import { toNumeric } from '../../money.js';
import type { OrderLineModel, OrderModel } from './order.model.js';

/** The flat payload of OrderPlaced, mapped field by field from the order and its lines. */
export function toOrderPlacedPayload(
  order: OrderModel,
  lines: readonly (OrderLineModel & { sku: string })[],
): PayloadOf<typeof OrderPlacedV1> {
  return {
    orderId: order.id,
    lines: lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: toNumeric(line.unitPriceCents),
    })),
    totalAmount: toNumeric(order.totalCents),
    currency: order.currency,
    placedAt: order.placedAt.toISOString(),
    dueAt: order.dueAt?.toISOString() ?? null,
  };
}

export function toOrderPaidPayload(order: OrderModel & { paidAt: Date }, paymentCount: number): PayloadOf<typeof OrderPaidV1> {
  return {
    orderId: order.id,
    totalAmount: toNumeric(order.totalCents),
    currency: order.currency,
    paymentCount,
    placedAt: order.placedAt.toISOString(),
    dueAt: order.dueAt?.toISOString() ?? null,
    paidAt: order.paidAt.toISOString(),
  };
}
