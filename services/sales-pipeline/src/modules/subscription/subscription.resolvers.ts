import { notFound } from '@rapport/service-kit';
import type { SalesContext } from '../../context.js';
import type { Resolvers, SubscriptionResolvers } from '../../generated/graphql.js';
import { money } from '../../money.js';
import type { SubscriptionModel } from './subscription.model.js';

type FieldResolver = (subscription: SubscriptionModel, args: Record<string, never>, context: SalesContext) => unknown;

// The public graph names a customer's recurring product `Subscription`, and GraphQL takes a type
// of that name as the root subscription type, so codegen types its fields as subscription
// resolvers. They are ordinary field resolvers: typed here, cast once below.
const subscriptionFields = {
  customer: (subscription) => ({ id: subscription.customerId }),
  product: async (subscription, _args, context) => {
    // Subscriptions reference products by foreign key, so a missing one is a broken invariant.
    const product = await context.loaders.product.load(subscription.productId);
    if (!product) throw notFound('product', subscription.productId);
    return product;
  },
  mrr: (subscription) => money(subscription.mrrCents, subscription.currency),
} satisfies Record<string, FieldResolver>;

/** Thin: arguments in, service out. Rules live in SubscriptionService. */
export const subscriptionResolvers: Resolvers = {
  Mutation: {
    startSubscription: async (_parent, { input }, context) => ({
      subscription: await context.services.subscriptions.start(context.auth, input),
    }),
    changeSubscription: async (_parent, { input }, context) => ({
      subscription: await context.services.subscriptions.change(context.auth, input),
    }),
    endSubscription: async (_parent, { input }, context) => ({
      subscription: await context.services.subscriptions.end(context.auth, input),
    }),
  },
  Customer: {
    subscriptions: (customer, _args, context) => context.loaders.subscriptionsOfCustomer.load(customer.id.toLowerCase()),
  },
  Subscription: subscriptionFields as unknown as SubscriptionResolvers,
};
