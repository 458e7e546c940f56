import { dateTimeScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { createMessaging } from '@rapport/messaging';
import { readModelHandlers } from './consumers/index.js';
import { createAnalyticsContext, type AnalyticsContext } from './context.js';
import { migrations } from './migrations/index.js';
import { CustomerMetricsEntity } from './modules/customer-metrics/customer-metrics.entity.js';
import { clvResolvers } from './modules/clv/clv.resolvers.js';
import { customerMetricsResolvers } from './modules/customer-metrics/customer-metrics.resolvers.js';
import { typeDefs } from './schema.js';

export const analyticsService: ServiceDefinition<AnalyticsContext> = {
  name: 'analytics',
  typeDefs,
  resolvers: mergeResolvers({ DateTime: dateTimeScalar }, customerMetricsResolvers, clvResolvers),
  entities: [CustomerMetricsEntity],
  migrations,
  createContext: createAnalyticsContext,
  // Analytics owns no source data: its read models are built only from these events.
  components: (dependencies) =>
    createMessaging(dependencies, {
      service: 'analytics',
      publishes: false,
      consumers: [{ groupId: 'analytics', handlers: [...readModelHandlers], chunkSize: 1000 }],
    }).components,
};
