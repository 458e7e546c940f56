import type { Resolvers } from '../../generated/graphql.js';

/** Thin: arguments in, service out. Rules live in CustomerService. */
export const customerResolvers: Resolvers = {
  Query: {
    customer: (_parent, { id }, context) => context.loaders.customer.load(id),
    customers: (_parent, { first, after, filter }, context) =>
      context.services.customers.list(context.auth, first, after, filter),
  },
  Mutation: {
    createCustomer: async (_parent, { input }, context) => ({
      customer: await context.services.customers.create(context.auth, input),
    }),
    updateCustomer: async (_parent, { input }, context) => ({
      customer: await context.services.customers.update(context.auth, input),
    }),
  },
  Customer: {
    __resolveReference: (reference, context) => context.loaders.customer.load(reference.id),
  },
};
