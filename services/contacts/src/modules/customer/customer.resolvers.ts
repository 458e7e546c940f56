import type { Resolvers } from '../../generated/graphql.js';

/** Thin: arguments in, service out. Rules live in CustomerService. */
export const customerResolvers: Resolvers = {
  Query: {
    customer: (_parent, { id }, context) => context.loaders.customer.load(id),
    customers: (_parent, { first, after, filter }, context) =>
      context.services.customers.list(context.auth, first, after, filter),
    duplicateCustomers: (_parent, { first }, context) => context.services.merges.duplicates(context.auth, first),
    searchCustomers: (_parent, { text, first }, context) => context.services.search.search(context.auth, text, first),
  },
  Mutation: {
    createCustomer: async (_parent, { input }, context) => ({
      customer: await context.services.customers.create(context.auth, input),
    }),
    eraseCustomer: (_parent, { input }, context) => context.services.erasure.erase(context.auth, input.id),
    mergeCustomers: async (_parent, { input }, context) => ({
      customer: await context.services.merges.merge(context.auth, input),
    }),
    setLifecycleStage: async (_parent, { input }, context) => ({
      customer: await context.services.customers.setLifecycleStage(context.auth, input),
    }),
    updateCustomer: async (_parent, { input }, context) => ({
      customer: await context.services.customers.update(context.auth, input),
    }),
  },
  Customer: {
    __resolveReference: (reference, context) => context.loaders.customer.load(reference.id),
    referredBy: (customer, _args, context) => (customer.referredById ? context.loaders.customer.load(customer.referredById) : null),
    contacts: (customer, _args, context) => context.loaders.contactsOfCustomer.load(customer.id),
    // A page per customer, each with its own cursor: one query per customer, not batched.
    interactions: (customer, { first, after }, context) =>
      context.services.interactions.timeline(context.auth, customer.id, first, after),
    tasks: async (customer, { status }, context) => {
      const tasks = await context.loaders.tasksOfCustomer.load(customer.id);
      return status ? tasks.filter((task) => task.status === status) : tasks;
    },
  },
};
