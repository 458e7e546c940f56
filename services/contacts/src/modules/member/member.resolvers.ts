import type { Resolvers } from '../../generated/graphql.js';

export const memberResolvers: Resolvers = {
  Query: {
    members: (_parent, _args, context) => context.services.members.list(context.auth),
  },
  Mutation: {
    upsertMember: async (_parent, { input }, context) => ({ member: await context.services.members.upsert(context.auth, input) }),
  },
};
