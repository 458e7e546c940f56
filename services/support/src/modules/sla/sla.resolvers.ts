import type { Resolvers } from '../../generated/graphql.js';

export const slaResolvers: Resolvers = {
  Query: {
    slaPolicies: (_parent, _args, context) => context.services.sla.policies(context.auth),
    businessHours: (_parent, _args, context) => context.services.sla.businessHours(context.auth),
  },
  Mutation: {
    upsertSlaPolicy: async (_parent, { input }, context) => ({ slaPolicy: await context.services.sla.upsertPolicy(context.auth, input) }),
    upsertBusinessHours: async (_parent, { input }, context) => ({
      businessHours: await context.services.sla.upsertBusinessHours(context.auth, input),
    }),
  },
};
