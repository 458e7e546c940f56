import { notFound } from '@rapport/service-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { money } from '../../money.js';
import type { SalesContext } from '../../context.js';

async function stageOf(context: SalesContext, id: string) {
  // Deals and history reference stages by foreign key, so a missing one is a broken invariant.
  const stage = await context.loaders.stage.load(id);
  if (!stage) throw notFound('stage', id);
  return stage;
}

/** Thin: arguments in, service out. Rules live in DealService. */
export const dealResolvers: Resolvers = {
  Query: {
    deal: (_parent, { id }, context) => context.loaders.deal.load(id.toLowerCase()),
    deals: (_parent, { first, after, filter }, context) => context.services.deals.list(context.auth, first, after, filter),
  },
  Mutation: {
    createDeal: async (_parent, { input }, context) => ({ deal: await context.services.deals.create(context.auth, input) }),
    moveDeal: async (_parent, { input }, context) => ({ deal: await context.services.deals.move(context.auth, input) }),
    winDeal: async (_parent, { input }, context) => ({ deal: await context.services.deals.win(context.auth, input) }),
    loseDeal: async (_parent, { input }, context) => ({ deal: await context.services.deals.lose(context.auth, input) }),
  },
  Customer: {
    deals: async (customer, { status }, context) => {
      const deals = await context.loaders.dealsOfCustomer.load(customer.id.toLowerCase());
      return status ? deals.filter((deal) => deal.status === status) : deals;
    },
  },
  Deal: {
    __resolveReference: (reference, context) => context.loaders.deal.load(reference.id.toLowerCase()),
    customer: (deal) => ({ id: deal.customerId }),
    amount: (deal) => money(deal.amountCents, deal.currency),
    stage: (deal, _args, context) => stageOf(context, deal.stageId),
    history: (deal, _args, context) => context.loaders.historyOfDeal.load(deal.id),
  },
  StageChange: {
    fromStage: (change, _args, context) => (change.fromStageId === null ? null : stageOf(context, change.fromStageId)),
    toStage: (change, _args, context) => stageOf(context, change.toStageId),
  },
};
