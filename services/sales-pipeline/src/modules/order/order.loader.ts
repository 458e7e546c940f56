import DataLoader from 'dataloader';
import { createGroupLoader, type AuthContext, type Connection } from '@rapport/service-kit';
import type { OrderLineModel, OrderModel } from './order.model.js';
import type { OrderService } from './order.service.js';

/**
 * Per request: `Customer.orders(first, after)` of every customer in a list, one statement per
 * distinct (first, after) pair, which a list query has once.
 */
export function createOrdersOfCustomerLoader(orders: OrderService, auth: () => AuthContext) {
  const byArguments = new Map<string, DataLoader<string, Connection<OrderModel>>>();
  return {
    load(customerId: string, first: number | null | undefined, after: string | null | undefined) {
      const key = JSON.stringify([first ?? null, after ?? null]);
      let loader = byArguments.get(key);
      if (!loader) {
        loader = new DataLoader<string, Connection<OrderModel>>(
          async (ids) => {
            const pages = await orders.pagesFor(auth(), ids, first, after);
            const empty: Connection<OrderModel> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
            return ids.map((id) => pages.get(id) ?? empty);
          },
          { maxBatchSize: 500 },
        );
        byArguments.set(key, loader);
      }
      return loader.load(customerId);
    },
  };
}

/** Per request: the lines of every order on a page in one query. */
export function createLinesOfOrderLoader(orders: OrderService, auth: () => AuthContext) {
  return createGroupLoader<OrderLineModel>((ids) => orders.linesFor(auth(), ids), (line) => line.orderId);
}
