import type { Resolvers } from '../../generated/graphql.js';

export const interactionResolvers: Resolvers = {
  Mutation: {
    recordInteraction: async (_parent, { input }, context) => ({
      interaction: await context.services.interactions.record(context.auth, input),
    }),
    recordInteractions: async (_parent, { input }, context) => ({
      interactions: await context.services.interactions.recordAll(context.auth, input.interactions),
    }),
  },
};
