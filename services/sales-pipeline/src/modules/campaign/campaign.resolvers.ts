import type { Resolvers } from '../../generated/graphql.js';
import { money } from '../../money.js';

/** Thin: arguments in, service out. Rules live in CampaignService. */
export const campaignResolvers: Resolvers = {
  Query: {
    campaigns: (_parent, _args, context) => context.services.campaigns.list(context.auth),
  },
  Mutation: {
    upsertCampaign: async (_parent, { input }, context) => ({ campaign: await context.services.campaigns.upsert(context.auth, input) }),
    recordCampaignSpend: async (_parent, { input }, context) => ({
      campaign: await context.services.campaigns.recordSpend(context.auth, input),
    }),
  },
  Campaign: {
    spend: (campaign) => money(campaign.spendCents, campaign.currency),
  },
};
