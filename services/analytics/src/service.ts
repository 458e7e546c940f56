import { dateTimeScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { createAnalyticsContext, type AnalyticsContext } from './context.js';
import { migrations } from './migrations/index.js';
import { CustomerMetricsEntity } from './modules/customer-metrics/customer-metrics.entity.js';
import { customerMetricsResolvers } from './modules/customer-metrics/customer-metrics.resolvers.js';
import { typeDefs } from './schema.js';

export const analyticsService: ServiceDefinition<AnalyticsContext> = {
  name: 'analytics',
  typeDefs,
  resolvers: mergeResolvers({ DateTime: dateTimeScalar }, customerMetricsResolvers),
  entities: [CustomerMetricsEntity],
  migrations,
  createContext: createAnalyticsContext,
};
