import { EntitySchema } from 'typeorm';

/** A placed order; the revenue summary is derived from these rows. */
export interface OrderRow {
  id: string;
  tenantId: string;
  customerId: string;
  totalAmount: string;
  currency: string;
  placedAt: Date;
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
    currency: { type: 'text' },
    placedAt: { name: 'placed_at', type: 'timestamptz' },
    paidAt: { name: 'paid_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
});
