import type { LeadConvertedV1, LeadCreatedV1, PayloadOf } from '@rapport/events';
import type { LeadModel } from './lead.model.js';

function leadFacts(lead: LeadModel) {
  return {
    leadId: lead.id,
    name: lead.name,
    email: lead.email,
    company: lead.company,
    country: lead.country,
    industry: lead.industry,
    source: lead.source,
    campaignId: lead.campaignId,
    createdAt: lead.createdAt.toISOString(),
  };
}

export function toLeadCreatedPayload(lead: LeadModel, routingRuleId: string | null): PayloadOf<typeof LeadCreatedV1> {
  return {
    ...leadFacts(lead),
    status: lead.status === 'ASSIGNED' ? 'ASSIGNED' : 'NEW',
    assigneeId: lead.assigneeId,
    routingRuleId,
  };
}

export function toLeadConvertedPayload(lead: LeadModel & { convertedAt: Date }, createCustomer: boolean): PayloadOf<typeof LeadConvertedV1> {
  return {
    ...leadFacts(lead),
    createCustomer,
    assigneeId: lead.assigneeId,
    convertedAt: lead.convertedAt.toISOString(),
    secondsToConvert: Math.max(0, Math.floor((lead.convertedAt.getTime() - lead.createdAt.getTime()) / 1000)),
  };
}
