import { loadSchemaFiles } from '@rapport/service-kit';

/** This subgraph's SDL: the federation contract, one file per module. */
export const typeDefs = loadSchemaFiles(import.meta.url, [
  './schema/federation.graphql',
  './modules/satisfaction/satisfaction.graphql',
  './modules/ticket/ticket.graphql',
  './modules/sla/sla.graphql',
  './modules/survey/survey.graphql',
]);
