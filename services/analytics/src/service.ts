import { dateTimeScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { createMessaging } from '@rapport/messaging';
import { readModelHandlers } from './consumers/index.js';
import { createAnalyticsContext, type AnalyticsContext } from './context.js';
import { migrations } from './migrations/index.js';
import { CustomerMetricsEntity } from './modules/customer-metrics/customer-metrics.entity.js';
import { churnRiskResolvers } from './modules/churn-risk/churn-risk.resolvers.js';
import { createChurnBacklogDrain, createChurnRescoring, createChurnSweep, DEFAULT_CHURN_SWEEP_INTERVAL_MS } from './modules/churn-risk/churn-risk.triggers.js';
import { clvResolvers } from './modules/clv/clv.resolvers.js';
import { customerMetricsResolvers } from './modules/customer-metrics/customer-metrics.resolvers.js';
import { kpisResolvers } from './modules/kpis/kpis.resolvers.js';
import { exportRoutes } from './modules/exports/export.routes.js';
import { reportsResolvers } from './modules/reports/reports.resolvers.js';
import { valueSegmentResolvers } from './modules/value-segment/value-segment.resolvers.js';
import { typeDefs } from './schema.js';

export interface AnalyticsServiceOptions {
  /** How often every customer is rescored as time passes; 0 turns the sweep off. */
  churnSweepIntervalMs?: number;
  /**
   * The read models' consumer group. Tests running several analytics services on one broker
   * give each its own, or the group would split the partitions between their databases.
   */
  consumerGroup?: string;
  /** Messages still to read in a partition above which churn scoring waits until the consumer has caught up. */
  churnCatchUpLag?: number;
}

export function createAnalyticsService(options: AnalyticsServiceOptions = {}): ServiceDefinition<AnalyticsContext> {
  return {
    name: 'analytics',
    typeDefs,
    resolvers: mergeResolvers({ DateTime: dateTimeScalar }, customerMetricsResolvers, clvResolvers, churnRiskResolvers, valueSegmentResolvers, kpisResolvers, reportsResolvers),
    entities: [CustomerMetricsEntity],
    migrations,
    createContext: createAnalyticsContext,
    routes: exportRoutes,
    // Analytics owns no source data: its read models are built only from these events. It
    // publishes what it derives (ChurnRiskChanged) through its outbox.
    components: (dependencies) => {
      const rescoring = createChurnRescoring(dependencies.dataSource, { catchUpLag: options.churnCatchUpLag });
      return [
        ...createMessaging(dependencies, {
          service: 'analytics',
          publishes: true,
          consumers: [{ groupId: options.consumerGroup ?? 'analytics', handlers: [...readModelHandlers], chunkSize: 1000, afterApply: rescoring.afterApply }],
        }).components,
        createChurnBacklogDrain(dependencies, rescoring),
        createChurnSweep(dependencies, { intervalMs: options.churnSweepIntervalMs ?? DEFAULT_CHURN_SWEEP_INTERVAL_MS }),
      ];
    },
  };
}

/** The service with its defaults, as tests and the development stack start it. */
export const analyticsService = createAnalyticsService();
