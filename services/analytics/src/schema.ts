import { loadSchemaFiles } from '@rapport/service-kit';

/** This subgraph's SDL: the federation contract, one file per module. */
export const typeDefs = loadSchemaFiles(import.meta.url, [
  './schema/federation.graphql',
  './modules/customer-metrics/customer-metrics.graphql',
  './modules/clv/clv.graphql',
  './modules/churn-risk/churn-risk.graphql',
  './modules/value-segment/value-segment.graphql',
  './modules/kpis/kpis.graphql',
  './modules/reports/reports.graphql',
]);
