import { createMessaging } from '@rapport/messaging';
import { dateTimeScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { customerErasedHandler } from './consumers/customer-erased.handler.js';
import { customersMergedHandler } from './consumers/customers-merged.handler.js';
import { memberUpsertedHandler } from './consumers/member-upserted.handler.js';
import { createSalesContext, type SalesContext } from './context.js';
import { migrations } from './migrations/index.js';
import { CampaignEntity, CampaignSpendEntity } from './modules/campaign/campaign.entity.js';
import { campaignResolvers } from './modules/campaign/campaign.resolvers.js';
import { currencyResolvers } from './modules/currency/currency.resolvers.js';
import { DealEntity, DealStageChangeEntity } from './modules/deal/deal.entity.js';
import { dealResolvers } from './modules/deal/deal.resolvers.js';
import { LeadEntity, RoutingRuleEntity } from './modules/lead/lead.entity.js';
import { leadResolvers } from './modules/lead/lead.resolvers.js';
import { CUSTOMER_DIRECTORY_GROUP, customerDirectoryHandlers } from './modules/customer-directory/customer-directory.handlers.js';
import { importResolvers } from './modules/import/import.resolvers.js';
import { mountOrderImportRoute } from './modules/import/import.routes.js';
import { OrderEntity, OrderLineEntity, PaymentEntity } from './modules/order/order.entity.js';
import { orderResolvers } from './modules/order/order.resolvers.js';
import { PipelineEntity, StageEntity } from './modules/pipeline/pipeline.entity.js';
import { pipelineResolvers } from './modules/pipeline/pipeline.resolvers.js';
import { ProductEntity } from './modules/product/product.entity.js';
import { productResolvers } from './modules/product/product.resolvers.js';
import { MrrMovementEntity, SubscriptionEntity } from './modules/subscription/subscription.entity.js';
import { subscriptionResolvers } from './modules/subscription/subscription.resolvers.js';
import { revenueResolvers } from './modules/revenue/revenue.resolvers.js';
import { SALES_PRODUCER } from './producer.js';
import { typeDefs } from './schema.js';

export const salesPipelineService: ServiceDefinition<SalesContext> = {
  name: 'sales-pipeline',
  typeDefs,
  resolvers: mergeResolvers({ DateTime: dateTimeScalar }, revenueResolvers, productResolvers, orderResolvers, pipelineResolvers, dealResolvers, subscriptionResolvers, campaignResolvers, leadResolvers, importResolvers, currencyResolvers),
  entities: [OrderEntity, OrderLineEntity, PaymentEntity, ProductEntity, PipelineEntity, StageEntity, DealEntity, DealStageChangeEntity, SubscriptionEntity, MrrMovementEntity, CampaignEntity, CampaignSpendEntity, LeadEntity, RoutingRuleEntity],
  migrations,
  createContext: createSalesContext,
  components: (dependencies) =>
    createMessaging(dependencies, {
      service: SALES_PRODUCER,
      publishes: true,
      consumers: [
        { groupId: CUSTOMER_DIRECTORY_GROUP, handlers: customerDirectoryHandlers },
        { groupId: 'sales-pipeline', handlers: [customersMergedHandler, customerErasedHandler, memberUpsertedHandler] },
      ],
    }).components,
  routes: (app, { subgraph }) => mountOrderImportRoute(app, subgraph),
};
