import DataLoader from 'dataloader';
import { isUuid, withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { customerValues, type CustomerValue } from './clv.service.js';

/**
 * Per request: the value metrics of every customer in a list in one query over their orders.
 * `now` is the request's time, used only by a tenant that has no reference time of its own.
 */
export function createCustomerValueLoader(dataSource: DataSource, auth: () => AuthContext, now = new Date()) {
  return new DataLoader<string, CustomerValue>(async (customerIds) => {
    const { tenantId } = auth();
    const values = await withTenant(dataSource, tenantId, (scope) => customerValues(scope.manager, tenantId, customerIds.filter(isUuid), now));
    return customerIds.map((id) => values.get(id) ?? { currency: 'USD', historicalValue: 0, simpleClv: 0, probabilityAlive: 1, expectedPurchases: () => 0, predictedClv: () => 0 });
  });
}
