import type { Resolvers } from '../../generated/graphql.js';

/** Thin: arguments in, service out. Rules live in CustomerImportService. */
export const importResolvers: Resolvers = {
  Mutation: {
    importCustomers: (_parent, { input }, context) => context.services.imports.importCsv(context.auth, input.csv),
  },
};
