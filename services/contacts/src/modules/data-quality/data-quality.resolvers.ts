import type { Resolvers } from '../../generated/graphql.js';
import { dataQualityOf } from './data-quality.service.js';

export const dataQualityResolvers: Resolvers = {
  Query: {
    dataQualityReport: (_parent, _args, context) => context.services.dataQuality.report(context.auth),
  },
  Customer: {
    dataQuality: async (customer, _args, context) => dataQualityOf(customer, await context.loaders.fieldDefinitions()),
  },
};
