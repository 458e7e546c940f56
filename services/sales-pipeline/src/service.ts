import { createMessaging } from '@rapport/messaging';
import { dateTimeScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { createSalesContext, type SalesContext } from './context.js';
import { migrations } from './migrations/index.js';
import { OrderEntity, OrderLineEntity, PaymentEntity } from './modules/order/order.entity.js';
import { orderResolvers } from './modules/order/order.resolvers.js';
import { ProductEntity } from './modules/product/product.entity.js';
import { productResolvers } from './modules/product/product.resolvers.js';
import { revenueResolvers } from './modules/revenue/revenue.resolvers.js';
import { typeDefs } from './schema.js';

export const salesPipelineService: ServiceDefinition<SalesContext> = {
  name: 'sales-pipeline',
  typeDefs,
  resolvers: mergeResolvers({ DateTime: dateTimeScalar }, revenueResolvers, productResolvers, orderResolvers),
  entities: [OrderEntity, OrderLineEntity, PaymentEntity, ProductEntity],
  migrations,
  createContext: createSalesContext,
  components: (dependencies) => createMessaging(dependencies, { service: 'sales-pipeline', publishes: true }).components,
};
