import type { Resolvers } from '../../generated/graphql.js';

export const fieldDefinitionResolvers: Resolvers = {
  Query: {
    fieldDefinitions: (_parent, _args, context) => context.services.fieldDefinitions.list(context.auth),
  },
  Mutation: {
    upsertFieldDefinition: async (_parent, { input }, context) => ({
      fieldDefinition: await context.services.fieldDefinitions.upsert(context.auth, input),
    }),
  },
};
