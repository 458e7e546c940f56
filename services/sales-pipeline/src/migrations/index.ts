import { messagingMigrations } from '@rapport/messaging';
import { CreateAuditLog1764400000000 } from '@rapport/service-kit';
import { CreateOrders1732300000000 } from './1732300000000-create-orders.js';
import { ProductsOrdersPayments1764100000000 } from './1764100000000-products-orders-payments.js';
import { PipelinesDeals1764100000100 } from './1764100000100-pipelines-deals.js';
import { SubscriptionsMrr1764100000200 } from './1764100000200-subscriptions-mrr.js';
import { LeadsRoutingCampaigns1764100000300 } from './1764100000300-leads-routing-campaigns.js';
import { OrderImportsCustomerDirectory1764100000450 } from './1764100000450-order-imports-customer-directory.js';
import { CurrencySettings1764500000000 } from './1764500000000-currency-settings.js';

/** Every migration of this service, oldest first. */
export const migrations = [
  CreateOrders1732300000000,
  ...messagingMigrations,
  CreateAuditLog1764400000000,
  ProductsOrdersPayments1764100000000,
  PipelinesDeals1764100000100,
  SubscriptionsMrr1764100000200,
  LeadsRoutingCampaigns1764100000300,
  OrderImportsCustomerDirectory1764100000450,
  CurrencySettings1764500000000,
];
