import type { Resolvers } from '../../generated/graphql.js';

/** Thin: arguments in, service out. Rules live in LeadService. */
export const leadResolvers: Resolvers = {
  Query: {
    leads: (_parent, { first, after, status }, context) => context.services.leads.list(context.auth, first, after, status),
    routingRules: (_parent, _args, context) => context.services.leads.rules(context.auth),
  },
  Mutation: {
    createLead: async (_parent, { input }, context) => ({ lead: await context.services.leads.create(context.auth, input) }),
    convertLead: async (_parent, { input }, context) => ({ lead: await context.services.leads.convert(context.auth, input) }),
    assignLead: async (_parent, { input }, context) => ({ lead: await context.services.leads.assign(context.auth, input) }),
    disqualifyLead: async (_parent, { input }, context) => ({ lead: await context.services.leads.disqualify(context.auth, input) }),
    upsertRoutingRule: async (_parent, { input }, context) => ({
      routingRule: await context.services.leads.upsertRule(context.auth, input),
    }),
  },
  Lead: {
    campaign: (lead, _args, context) => (lead.campaignId === null ? null : context.loaders.campaign.load(lead.campaignId)),
    customer: (lead) => (lead.customerId === null ? null : { id: lead.customerId }),
  },
};
