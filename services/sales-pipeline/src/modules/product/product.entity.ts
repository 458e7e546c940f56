import { EntitySchema } from 'typeorm';

export interface ProductRow {
  id: string;
  tenantId: string;
  /** Unique per tenant: the key imports and integrations name a product by. */
  sku: string;
  name: string;
  priceAmount: string;
  currency: string;
  recurring: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const ProductEntity = new EntitySchema<ProductRow>({
  name: 'Product',
  tableName: 'products',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    sku: { type: 'text' },
    name: { type: 'text' },
    priceAmount: { name: 'price_amount', type: 'numeric', precision: 14, scale: 2 },
    currency: { type: 'text' },
    recurring: { type: 'boolean' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});
