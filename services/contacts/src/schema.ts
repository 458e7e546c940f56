import { loadSchemaFiles } from '@rapport/service-kit';

/** This subgraph's SDL: the federation contract, one file per module. */
export const typeDefs = loadSchemaFiles(import.meta.url, [
  './schema/federation.graphql',
  './modules/customer/customer.graphql',
  './modules/field-definition/field-definition.graphql',
  './modules/contact/contact.graphql',
  './modules/interaction/interaction.graphql',
  './modules/task/task.graphql',
  './modules/member/member.graphql',
  './modules/data-quality/data-quality.graphql',
  './modules/import/import.graphql',
]);
