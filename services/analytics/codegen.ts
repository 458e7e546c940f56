import { subgraphCodegenConfig } from '@rapport/service-kit/codegen';

export default subgraphCodegenConfig({
  context: '../context.js#AnalyticsContext',
  mappers: {
    Customer: '../modules/customer-metrics/customer-metrics.model.js#CustomerReference',
    CustomerMetrics: '../modules/customer-metrics/customer-metrics.model.js#CustomerMetricsModel',
    ClvModel: '../modules/clv/clv.service.js#ClvModelRecord',
    FunnelStep: '../modules/reports/reports.service.js#FunnelStepModel',
    ProductAffinity: '../modules/reports/reports.service.js#ProductAffinityModel',
  },
});
