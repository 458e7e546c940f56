import { centsOf, type Cents } from '../../money.js';
import type { OrderRow } from './order.entity.js';

export interface OrderModel {
  id: string;
  customerId: string;
  totalCents: Cents;
  paidCents: Cents;
  currency: string;
  placedAt: Date;
  dueAt: Date | null;
  paidAt: Date | null;
}

export interface OrderLineModel {
  orderId: string;
  position: number;
  productId: string;
  quantity: number;
  unitPriceCents: Cents;
  currency: string;
}

export function toOrderModel(row: OrderRow): OrderModel {
  return {
    id: row.id,
    customerId: row.customerId,
    totalCents: centsOf(row.totalAmount),
    paidCents: centsOf(row.paidAmount),
    currency: row.currency.trim(),
    placedAt: row.placedAt,
    dueAt: row.dueAt,
    paidAt: row.paidAt,
  };
}

export type OrderStatusValue = 'UNPAID' | 'PARTIALLY_PAID' | 'PAID';

export function statusOf(order: OrderModel): OrderStatusValue {
  if (order.paidCents >= order.totalCents) return 'PAID';
  return order.paidCents > 0 ? 'PARTIALLY_PAID' : 'UNPAID';
}

/** Overdue is derived, never stored: it changes with the clock, not with a write. */
export function isOverdue(order: OrderModel, now = new Date()): boolean {
  return statusOf(order) !== 'PAID' && order.dueAt !== null && order.dueAt.getTime() < now.getTime();
}
