import DataLoader from 'dataloader';
import { isUuid, withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { CustomerMetricsEntity } from './customer-metrics.entity.js';
import { unseenCustomerMetrics, type CustomerMetricsModel } from './customer-metrics.model.js';

/** Per request: the metrics of every customer in a list, in one query. */
export function createCustomerMetricsLoader(dataSource: DataSource, auth: () => AuthContext) {
  return new DataLoader<string, CustomerMetricsModel>(async (customerIds) => {
    const { tenantId } = auth();
    const rows = await withTenant(dataSource, tenantId, (scope) =>
      scope
        .repository(CustomerMetricsEntity)
        .queryBuilder('metrics')
        .andWhere('metrics.customerId = ANY(:ids)', { ids: customerIds.filter(isUuid) })
        .getMany(),
    );
    const byCustomer = new Map(rows.map((row) => [row.customerId, row]));
    return customerIds.map((id) => {
      const row = byCustomer.get(id);
      return row ? { customerId: id, healthScore: row.healthScore, updatedAt: row.updatedAt } : unseenCustomerMetrics(id);
    });
  });
}
