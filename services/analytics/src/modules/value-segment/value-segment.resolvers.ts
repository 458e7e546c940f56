import type { Resolvers } from '../../generated/graphql.js';
import { configureValueSegments, readValueSegmentSettings, segmentSummary, type StoredValueSegmentSettings } from './value-segment.service.js';

const toSettings = (settings: StoredValueSegmentSettings) => ({
  currentValueThreshold: settings.current,
  potentialValueThreshold: settings.potential,
  updatedAt: settings.updatedAt,
});

export const valueSegmentResolvers: Resolvers = {
  Query: {
    segmentSummary: (_parent, _args, context) => segmentSummary(context.dataSource, context.auth),
    valueSegmentSettings: async (_parent, _args, context) => toSettings(await readValueSegmentSettings(context.dataSource, context.auth)),
  },
  Mutation: {
    configureValueSegments: async (_parent, args, context) => {
      const { settings, segmented } = await configureValueSegments(context.dataSource, context.auth, args.input);
      return { settings: toSettings(settings), segmented };
    },
  },
  CustomerMetrics: {
    valueSegment: (metrics, _args, context) => context.loaders.valueSegment.load(metrics.customerId),
  },
};
