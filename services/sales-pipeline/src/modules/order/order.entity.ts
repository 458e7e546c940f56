import { EntitySchema } from 'typeorm';

/** A placed order; the revenue summary is derived from these rows. */
export interface OrderRow {
  id: string;
  tenantId: string;
  customerId: string;
  totalAmount: string;
  /** What payments have covered so far; the order is paid when it reaches the total. */
  paidAmount: string;
  currency: string;
  placedAt: Date;
  dueAt: Date | null;
  paidAt: Date | null;
  createdAt: Date;
}

export const OrderEntity = new EntitySchema<OrderRow>({
  name: 'Order',
  tableName: 'orders',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    // numeric comes back as a string: money is never a binary float in storage.
    totalAmount: { name: 'total_amount', type: 'numeric', precision: 14, scale: 2 },
    paidAmount: { name: 'paid_amount', type: 'numeric', precision: 14, scale: 2 },
    currency: { type: 'text' },
    placedAt: { name: 'placed_at', type: 'timestamptz' },
    dueAt: { name: 'due_at', type: 'timestamptz', nullable: true },
    paidAt: { name: 'paid_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
});

export interface OrderLineRow {
  orderId: string;
  position: number;
  tenantId: string;
  productId: string;
  quantity: number;
  unitPrice: string;
}

export const OrderLineEntity = new EntitySchema<OrderLineRow>({
  name: 'OrderLine',
  tableName: 'order_lines',
  columns: {
    orderId: { name: 'order_id', type: 'uuid', primary: true },
    position: { type: 'smallint', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    productId: { name: 'product_id', type: 'uuid' },
    quantity: { type: 'integer' },
    unitPrice: { name: 'unit_price', type: 'numeric', precision: 14, scale: 2 },
  },
});

export interface PaymentRow {
  id: string;
  tenantId: string;
  orderId: string;
  amount: string;
  paidAt: Date;
  createdAt: Date;
}

export const PaymentEntity = new EntitySchema<PaymentRow>({
  name: 'Payment',
  tableName: 'payments',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    orderId: { name: 'order_id', type: 'uuid' },
    amount: { type: 'numeric', precision: 14, scale: 2 },
    paidAt: { name: 'paid_at', type: 'timestamptz' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
});
