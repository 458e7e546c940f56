import type { Resolvers } from '../../generated/graphql.js';

export const customerMetricsResolvers: Resolvers = {
  Customer: {
    // Contacts owns customers and already scoped this id to the caller's tenant.
    __resolveReference: (reference) => ({ id: reference.id }),
    metrics: (customer, _args, context) => context.loaders.customerMetrics.load(customer.id),
  },
};
