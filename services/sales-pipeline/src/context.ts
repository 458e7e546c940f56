import { createGroupLoader, createKeyLoader, type RequestContext, type ServiceDependencies } from '@rapport/service-kit';
import type { CampaignModel } from './modules/campaign/campaign.model.js';
import { CampaignService } from './modules/campaign/campaign.service.js';
import { CurrencyService } from './modules/currency/currency.service.js';
import { createDealLoader, createDealsOfCustomerLoader, createHistoryLoader } from './modules/deal/deal.loader.js';
import { DealService } from './modules/deal/deal.service.js';
import { OrderImportService } from './modules/import/order-import.service.js';
import { LeadService } from './modules/lead/lead.service.js';
import { createLinesOfOrderLoader, createOrdersOfCustomerLoader } from './modules/order/order.loader.js';
import { OrderService } from './modules/order/order.service.js';
import type { StageModel } from './modules/pipeline/pipeline.model.js';
import { PipelineService } from './modules/pipeline/pipeline.service.js';
import type { ProductModel } from './modules/product/product.model.js';
import { ProductService } from './modules/product/product.service.js';
import type { SubscriptionModel } from './modules/subscription/subscription.model.js';
import { SubscriptionService } from './modules/subscription/subscription.service.js';
import { createRevenueLoader } from './modules/revenue/revenue.loader.js';
import { RevenueService } from './modules/revenue/revenue.service.js';

export interface SalesContext extends RequestContext {
  services: {
    products: ProductService;
    orders: OrderService;
    pipelines: PipelineService;
    deals: DealService;
    subscriptions: SubscriptionService;
    campaigns: CampaignService;
    leads: LeadService;
    imports: OrderImportService;
    currency: CurrencyService;
  };
  loaders: {
    revenue: ReturnType<typeof createRevenueLoader>;
    product: ReturnType<typeof createKeyLoader<ProductModel>>;
    ordersOfCustomer: ReturnType<typeof createOrdersOfCustomerLoader>;
    linesOfOrder: ReturnType<typeof createLinesOfOrderLoader>;
    stage: ReturnType<typeof createKeyLoader<StageModel>>;
    stagesOfPipeline: ReturnType<typeof createGroupLoader<StageModel>>;
    deal: ReturnType<typeof createDealLoader>;
    dealsOfCustomer: ReturnType<typeof createDealsOfCustomerLoader>;
    historyOfDeal: ReturnType<typeof createHistoryLoader>;
    subscriptionsOfCustomer: ReturnType<typeof createGroupLoader<SubscriptionModel>>;
    campaign: ReturnType<typeof createKeyLoader<CampaignModel>>;
  };
}

export function createSalesContext(base: RequestContext, dependencies: ServiceDependencies): SalesContext {
  const { dataSource } = dependencies;
  const auth = () => base.auth;
  const services = {
    products: new ProductService(dataSource),
    orders: new OrderService(dataSource),
    pipelines: new PipelineService(dataSource),
    deals: new DealService(dataSource),
    subscriptions: new SubscriptionService(dataSource),
    campaigns: new CampaignService(dataSource),
    leads: new LeadService(dataSource),
    imports: new OrderImportService(dataSource),
    currency: new CurrencyService(dataSource),
  };
  return {
    ...base,
    services,
    loaders: {
      revenue: createRevenueLoader(new RevenueService(dataSource), auth),
      product: createKeyLoader<ProductModel>((ids) => services.products.findByIds(auth(), ids), (product) => product.id),
      ordersOfCustomer: createOrdersOfCustomerLoader(services.orders, auth),
      linesOfOrder: createLinesOfOrderLoader(services.orders, auth),
      stage: createKeyLoader<StageModel>((ids) => services.pipelines.stagesByIds(auth(), ids), (stage) => stage.id),
      stagesOfPipeline: createGroupLoader<StageModel>((ids) => services.pipelines.stagesOf(auth(), ids), (stage) => stage.pipelineId),
      deal: createDealLoader(services.deals, auth),
      dealsOfCustomer: createDealsOfCustomerLoader(services.deals, auth),
      historyOfDeal: createHistoryLoader(services.deals, auth),
      subscriptionsOfCustomer: createGroupLoader<SubscriptionModel>(
        (ids) => services.subscriptions.forCustomers(auth(), ids),
        (subscription) => subscription.customerId,
      ),
      campaign: createKeyLoader<CampaignModel>((ids) => services.campaigns.findByIds(auth(), ids), (campaign) => campaign.id),
    },
  };
}
