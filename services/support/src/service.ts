import { dateTimeScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { createSupportContext, type SupportContext } from './context.js';
import { migrations } from './migrations/index.js';
import { satisfactionResolvers } from './modules/satisfaction/satisfaction.resolvers.js';
import { SurveyResponseEntity } from './modules/satisfaction/survey-response.entity.js';
import { typeDefs } from './schema.js';

export const supportService: ServiceDefinition<SupportContext> = {
  name: 'support',
  typeDefs,
  resolvers: mergeResolvers({ DateTime: dateTimeScalar }, satisfactionResolvers),
  entities: [SurveyResponseEntity],
  migrations,
  createContext: createSupportContext,
};
