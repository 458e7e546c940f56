import type { Resolvers } from '../../generated/graphql.js';

export const satisfactionResolvers: Resolvers = {
  Customer: {
    // Contacts owns customers and already scoped this id to the caller's tenant.
    __resolveReference: (reference) => ({ id: reference.id }),
    satisfaction: (customer, _args, context) => context.loaders.satisfaction.load(customer.id),
  },
};
