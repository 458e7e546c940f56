import type { Resolvers } from '../../generated/graphql.js';

/** Thin: arguments in, service out. Rules live in ProductService. */
export const productResolvers: Resolvers = {
  Query: {
    products: (_parent, _args, context) => context.services.products.list(context.auth),
  },
  Mutation: {
    upsertProduct: async (_parent, { input }, context) => ({ product: await context.services.products.upsert(context.auth, input) }),
  },
  Product: {
    // Another subgraph refers to a product by key; another tenant's id resolves to null.
    __resolveReference: (reference, context) => context.loaders.product.load(reference.id),
  },
};
