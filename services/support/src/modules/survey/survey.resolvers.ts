import type { Resolvers } from '../../generated/graphql.js';

export const surveyResolvers: Resolvers = {
  Query: {
    surveyInvitations: (_parent, { first, after }, context) => context.services.surveys.invitations(context.auth, first, after),
  },
  Mutation: {
    answerSurvey: async (_parent, { input }, context) => ({ surveyResponse: await context.services.surveys.answer(context.auth, input) }),
  },
  SurveyInvitation: {
    customer: (invitation) => ({ id: invitation.customerId }),
  },
  SurveyResponse: {
    customer: (response) => ({ id: response.customerId }),
    comment: (response, _args, context) => context.services.surveys.comment(context.auth, response),
  },
};
