import type { RequestContext, ServiceDependencies } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { createChurnRiskLoader } from './modules/churn-risk/churn-risk.loader.js';
import { createCustomerValueLoader } from './modules/clv/clv.loader.js';
import { createCustomerMetricsLoader } from './modules/customer-metrics/customer-metrics.loader.js';
import { createValueSegmentLoader } from './modules/value-segment/value-segment.loader.js';

export interface AnalyticsContext extends RequestContext {
  dataSource: DataSource;
  loaders: {
    customerMetrics: ReturnType<typeof createCustomerMetricsLoader>;
    customerValue: ReturnType<typeof createCustomerValueLoader>;
    churnRisk: ReturnType<typeof createChurnRiskLoader>;
    valueSegment: ReturnType<typeof createValueSegmentLoader>;
  };
}

export function createAnalyticsContext(base: RequestContext, dependencies: ServiceDependencies): AnalyticsContext {
  return {
    ...base,
    dataSource: dependencies.dataSource,
    loaders: {
      customerMetrics: createCustomerMetricsLoader(dependencies.dataSource, () => base.auth),
      customerValue: createCustomerValueLoader(dependencies.dataSource, () => base.auth),
      churnRisk: createChurnRiskLoader(dependencies.dataSource, () => base.auth),
      valueSegment: createValueSegmentLoader(dependencies.dataSource, () => base.auth),
    },
  };
}
