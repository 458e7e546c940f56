import type { Resolvers } from '../../generated/graphql.js';

/** Thin: arguments in, service out. Rules live in OrderImportService. */
export const importResolvers: Resolvers = {
  Mutation: {
    importOrders: (_parent, { input }, context) =>
      context.services.imports.importCsv(context.auth, input.csv, { createCustomers: input.createCustomers ?? false }),
  },
};
