import type { RequestContext, ServiceDependencies } from '@rapport/service-kit';
import { createRevenueLoader } from './modules/revenue/revenue.loader.js';
import { RevenueService } from './modules/revenue/revenue.service.js';

export interface SalesContext extends RequestContext {
  loaders: { revenue: ReturnType<typeof createRevenueLoader> };
}

export function createSalesContext(base: RequestContext, dependencies: ServiceDependencies): SalesContext {
  const revenue = new RevenueService(dependencies.dataSource);
  return { ...base, loaders: { revenue: createRevenueLoader(revenue, () => base.auth) } };
}
