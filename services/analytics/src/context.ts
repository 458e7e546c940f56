import type { RequestContext, ServiceDependencies } from '@rapport/service-kit';
import { createCustomerMetricsLoader } from './modules/customer-metrics/customer-metrics.loader.js';

export interface AnalyticsContext extends RequestContext {
  loaders: { customerMetrics: ReturnType<typeof createCustomerMetricsLoader> };
}

export function createAnalyticsContext(base: RequestContext, dependencies: ServiceDependencies): AnalyticsContext {
  return { ...base, loaders: { customerMetrics: createCustomerMetricsLoader(dependencies.dataSource, () => base.auth) } };
}
