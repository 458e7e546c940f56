import DataLoader from 'dataloader';
import { createGroupLoader, createKeyLoader, type AuthContext, type Connection } from '@rapport/service-kit';
import type { TicketStatus } from './ticket.entity.js';
import type { TicketCommentModel, TicketModel } from './ticket.model.js';
import type { TicketService } from './ticket.service.js';

/** Per request: tickets by id (Query.ticket, `_entities`), in one query. */
export function createTicketLoader(tickets: TicketService, auth: () => AuthContext) {
  return createKeyLoader<TicketModel>((ids) => tickets.byIds(auth(), ids), (ticket) => ticket.id);
}

/** Per request: the comments of every ticket in a list, in one query. */
export function createCommentsLoader(tickets: TicketService, auth: () => AuthContext) {
  return createGroupLoader<TicketCommentModel>((ids) => tickets.commentsFor(auth(), ids), (comment) => comment.ticketId);
}

export interface CustomerTicketsKey {
  customerId: string;
  status: TicketStatus | null;
  first: number | null;
  after: string | null;
}

/**
 * Per request: Customer.tickets for every customer in a list. Customers asked with the same
 * arguments share one batch of statements; a different status or page is another batch.
 */
export function createCustomerTicketsLoader(tickets: TicketService, auth: () => AuthContext) {
  return new DataLoader<CustomerTicketsKey, Connection<TicketModel>, string>(
    async (keys) => {
      const groups = new Map<string, { page: Omit<CustomerTicketsKey, 'customerId'>; customerIds: string[] }>();
      for (const key of keys) {
        const groupKey = JSON.stringify([key.status, key.first, key.after]);
        const group = groups.get(groupKey) ?? { page: { status: key.status, first: key.first, after: key.after }, customerIds: [] };
        group.customerIds.push(key.customerId);
        groups.set(groupKey, group);
      }
      const results = new Map<string, Connection<TicketModel>>();
      for (const [groupKey, group] of groups) {
        const pages = await tickets.pagesForCustomers(auth(), group.customerIds, group.page);
        for (const [customerId, page] of pages) results.set(`${groupKey}:${customerId}`, page);
      }
      const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
      return keys.map((key) => results.get(`${JSON.stringify([key.status, key.first, key.after])}:${key.customerId}`) ?? empty);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.customerId, key.status, key.first, key.after]), maxBatchSize: 500 },
  );
}
