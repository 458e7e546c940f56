import type { Resolvers } from '../../generated/graphql.js';
import { isSlaBreached } from '../sla/sla-clock.js';

export const ticketResolvers: Resolvers = {
  Query: {
    ticket: (_parent, { id }, context) => context.loaders.ticket.load(id),
    tickets: (_parent, { first, after, filter }, context) => context.services.tickets.list(context.auth, first, after, filter),
  },
  Mutation: {
    openTicket: async (_parent, { input }, context) => ({ ticket: await context.services.tickets.open(context.auth, input) }),
    commentOnTicket: async (_parent, { input }, context) => ({ ticket: await context.services.tickets.comment(context.auth, input) }),
    assignTicket: async (_parent, { input }, context) => ({ ticket: await context.services.tickets.assign(context.auth, input) }),
    resolveTicket: async (_parent, { input }, context) => ({ ticket: await context.services.tickets.resolve(context.auth, input) }),
    reopenTicket: async (_parent, { input }, context) => ({ ticket: await context.services.tickets.reopen(context.auth, input) }),
    setTicketPending: async (_parent, { input }, context) => ({ ticket: await context.services.tickets.setPending(context.auth, input) }),
  },
  Ticket: {
    __resolveReference: (reference, context) => context.loaders.ticket.load(reference.id),
    customer: (ticket) => ({ id: ticket.customerId }),
    description: (ticket, _args, context) => context.services.tickets.description(context.auth, ticket),
    slaBreached: (ticket, _args, context) => isSlaBreached(ticket, context.clock.now()),
    comments: (ticket, _args, context) => context.loaders.commentsOfTicket.load(ticket.id),
  },
  Customer: {
    tickets: (customer, { status, first, after }, context) =>
      context.loaders.ticketsOfCustomer.load({ customerId: customer.id, status: status ?? null, first: first ?? null, after: after ?? null }),
  },
};
