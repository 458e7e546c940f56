import { dateTimeScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { createSalesContext, type SalesContext } from './context.js';
import { migrations } from './migrations/index.js';
import { OrderEntity } from './modules/revenue/order.entity.js';
import { revenueResolvers } from './modules/revenue/revenue.resolvers.js';
import { typeDefs } from './schema.js';

export const salesPipelineService: ServiceDefinition<SalesContext> = {
  name: 'sales-pipeline',
  typeDefs,
  resolvers: mergeResolvers({ DateTime: dateTimeScalar }, revenueResolvers),
  entities: [OrderEntity],
  migrations,
  createContext: createSalesContext,
};
