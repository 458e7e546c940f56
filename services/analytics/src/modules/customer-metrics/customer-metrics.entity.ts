import { EntitySchema } from 'typeorm';

/** The per-customer read model, built only from events. */
export interface CustomerMetricsRow {
  tenantId: string;
  customerId: string;
  healthScore: number;
  updatedAt: Date;
}

export const CustomerMetricsEntity = new EntitySchema<CustomerMetricsRow>({
  name: 'CustomerMetrics',
  tableName: 'customer_metrics',
  columns: {
    tenantId: { name: 'tenant_id', type: 'uuid', primary: true },
    customerId: { name: 'customer_id', type: 'uuid', primary: true },
    healthScore: { name: 'health_score', type: 'double precision' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});
