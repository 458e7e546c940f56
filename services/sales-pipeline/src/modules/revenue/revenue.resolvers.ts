import type { Resolvers } from '../../generated/graphql.js';

export const revenueResolvers: Resolvers = {
  Customer: {
    // Contacts owns customers and already scoped this id to the caller's tenant.
    __resolveReference: (reference) => ({ id: reference.id }),
    revenue: (customer, _args, context) => context.loaders.revenue.load(customer.id.toLowerCase()),
  },
};
