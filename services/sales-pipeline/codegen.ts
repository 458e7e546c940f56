import { subgraphCodegenConfig } from '@rapport/service-kit/codegen';

export default subgraphCodegenConfig({
  context: '../context.js#SalesContext',
  mappers: {
    Customer: '../modules/revenue/revenue.model.js#CustomerReference',
    Money: '../money.js#MoneyModel',
    Product: '../modules/product/product.model.js#ProductModel',
    Order: '../modules/order/order.model.js#OrderModel',
    OrderLine: '../modules/order/order.model.js#OrderLineModel',
    Pipeline: '../modules/pipeline/pipeline.model.js#PipelineModel',
    Stage: '../modules/pipeline/pipeline.model.js#StageModel',
    Deal: '../modules/deal/deal.model.js#DealModel',
    StageChange: '../modules/deal/deal.model.js#StageChangeModel',
    Subscription: '../modules/subscription/subscription.model.js#SubscriptionModel',
    Campaign: '../modules/campaign/campaign.model.js#CampaignModel',
    Lead: '../modules/lead/lead.model.js#LeadModel',
    RoutingRule: '../modules/lead/lead.model.js#RoutingRuleModel',
    CurrencySettings: '../modules/currency/currency.service.js#CurrencySettingsModel',
  },
});
