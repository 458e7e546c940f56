import type { Resolvers } from '../../generated/graphql.js';

/** Thin: arguments in, service out. Rules live in PipelineService. */
export const pipelineResolvers: Resolvers = {
  Query: {
    pipelines: (_parent, _args, context) => context.services.pipelines.list(context.auth),
  },
  Mutation: {
    createPipeline: async (_parent, { input }, context) => ({
      pipeline: await context.services.pipelines.create(context.auth, input),
    }),
  },
  Pipeline: {
    stages: (pipeline, _args, context) => context.loaders.stagesOfPipeline.load(pipeline.id),
  },
  Stage: {
    __resolveReference: (reference, context) => context.loaders.stage.load(reference.id),
  },
};
