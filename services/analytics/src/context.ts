import type { RequestContext, ServiceDependencies } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { createCustomerValueLoader } from './modules/clv/clv.loader.js';
import { createCustomerMetricsLoader } from './modules/customer-metrics/customer-metrics.loader.js';

export interface AnalyticsContext extends RequestContext {
  dataSource: DataSource;
  loaders: {
    customerMetrics: ReturnType<typeof createCustomerMetricsLoader>;
    customerValue: ReturnType<typeof createCustomerValueLoader>;
  };
}

export function createAnalyticsContext(base: RequestContext, dependencies: ServiceDependencies): AnalyticsContext {
  return {
    ...base,
    dataSource: dependencies.dataSource,
    loaders: {
      customerMetrics: createCustomerMetricsLoader(dependencies.dataSource, () => base.auth),
      customerValue: createCustomerValueLoader(dependencies.dataSource, () => base.auth),
    },
  };
}
