import { notFound } from '@rapport/service-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { money } from '../../money.js';
import { isOverdue, statusOf } from './order.model.js';

/** Thin: arguments in, service out. Rules live in OrderService. */
export const orderResolvers: Resolvers = {
  Mutation: {
    placeOrder: async (_parent, { input }, context) => ({ order: await context.services.orders.place(context.auth, input) }),
    recordPayment: async (_parent, { input }, context) => ({
      order: await context.services.orders.recordPayment(context.auth, input),
    }),
  },
  Customer: {
    orders: (customer, { first, after }, context) => context.loaders.ordersOfCustomer.load(customer.id.toLowerCase(), first, after),
  },
  Order: {
    customer: (order) => ({ id: order.customerId }),
    lines: (order, _args, context) => context.loaders.linesOfOrder.load(order.id),
    total: (order) => money(order.totalCents, order.currency),
    paid: (order) => money(order.paidCents, order.currency),
    balance: (order) => money(order.totalCents - order.paidCents, order.currency),
    status: (order) => statusOf(order),
    overdue: (order) => isOverdue(order),
  },
  OrderLine: {
    product: async (line, _args, context) => {
      // Lines reference products by foreign key, so a missing one is a broken invariant.
      const product = await context.loaders.product.load(line.productId);
      if (!product) throw notFound('product', line.productId);
      return product;
    },
    unitPrice: (line) => money(line.unitPriceCents, line.currency),
  },
};
