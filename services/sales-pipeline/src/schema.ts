import { loadSchemaFiles } from '@rapport/service-kit';

/** This subgraph's SDL: the federation contract, one file per module. */
export const typeDefs = loadSchemaFiles(import.meta.url, [
  './schema/federation.graphql',
  './modules/revenue/revenue.graphql',
  './modules/product/product.graphql',
  './modules/order/order.graphql',
  './modules/pipeline/pipeline.graphql',
  './modules/deal/deal.graphql',
  './modules/subscription/subscription.graphql',
  './modules/campaign/campaign.graphql',
  './modules/lead/lead.graphql',
  './modules/currency/currency.graphql',
  './modules/import/import.graphql',
]);
