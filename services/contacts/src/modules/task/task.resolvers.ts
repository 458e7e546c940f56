import type { Resolvers } from '../../generated/graphql.js';

export const taskResolvers: Resolvers = {
  Mutation: {
    createTask: async (_parent, { input }, context) => ({ task: await context.services.tasks.create(context.auth, input) }),
    completeTask: async (_parent, { input }, context) => ({ task: await context.services.tasks.complete(context.auth, input) }),
  },
};
