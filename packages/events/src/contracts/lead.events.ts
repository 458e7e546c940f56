import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

const leadFacts = {
  leadId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  country: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  campaignId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
};

/**
 * A lead was created and routed. A lead has no customer yet: its envelope's `customerId` (the
 * message key) is the lead's own id, which becomes the customer's id if it converts to a new one.
 */
export const LeadCreatedV1 = defineEvent({
  type: 'LeadCreated',
  version: 1,
  topic: TOPICS.leads,
  producer: 'sales-pipeline',
  consumers: ['analytics'],
  description:
    "A lead was created and routed: `assigneeId` is the member it went to (null when no rule matched: it stays NEW for manual assignment). The envelope's `customerId` is the lead's id, which becomes the customer's id if the lead converts to a new customer.",
  payload: z.object({
    ...leadFacts,
    status: z.enum(['NEW', 'ASSIGNED']),
    assigneeId: z.uuid().nullable(),
    routingRuleId: z.uuid().nullable(),
  }),
});

/**
 * A lead converted. With `createCustomer` the contacts service creates the customer under the
 * envelope's `customerId` (idempotently: the id is the de-duplication key); without, the lead
 * was linked to that existing customer.
 */
export const LeadConvertedV1 = defineEvent({
  type: 'LeadConverted',
  version: 1,
  topic: TOPICS.leads,
  producer: 'sales-pipeline',
  consumers: ['contacts', 'analytics'],
  description:
    "A lead converted to the customer of the envelope's `customerId`. With `createCustomer` true, contacts creates that customer from the lead's fields (name, email, company, country, industry, source); otherwise it already existed. `secondsToConvert` is the time from creation to conversion.",
  payload: z.object({
    ...leadFacts,
    createCustomer: z.boolean(),
    assigneeId: z.uuid().nullable(),
    convertedAt: z.iso.datetime({ offset: true }),
    secondsToConvert: z.number().int().nonnegative(),
  }),
});

/** A lead was disqualified by a person: it will not be worked or converted. Keyed like LeadCreated, by the lead's id. */
export const LeadDisqualifiedV1 = defineEvent({
  type: 'LeadDisqualified',
  version: 1,
  topic: TOPICS.leads,
  producer: 'sales-pipeline',
  consumers: [],
  description:
    "A lead was disqualified (it leaves the open load of its assignee and will not convert); the envelope's `customerId` is the lead's id. No personal data: the lead's name and email are in LeadCreated.",
  payload: z.object({
    leadId: z.uuid(),
    assigneeId: z.uuid().nullable(),
    source: z.string().nullable(),
    campaignId: z.uuid().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    disqualifiedAt: z.iso.datetime({ offset: true }),
  }),
});

/**
 * A lead routing rule was created or changed (the whole rule; the latest `updatedAt` wins).
 * Contacts routes new customers without an owner by the same rules. Rules belong to no customer:
 * the envelope's `customerId` (the message key) is the rule's id.
 */
export const RoutingRuleUpsertedV1 = defineEvent({
  type: 'RoutingRuleUpserted',
  version: 1,
  topic: TOPICS.leads,
  producer: 'sales-pipeline',
  consumers: ['contacts'],
  description:
    "A routing rule was created or changed (whole rule, latest `updatedAt` wins); the envelope's `customerId` is the rule's id. Contacts assigns new customers without an owner by the same rules.",
  payload: z.object({
    ruleId: z.uuid(),
    name: z.string(),
    priority: z.number().int().nonnegative(),
    country: z.string().nullable(),
    industry: z.string().nullable(),
    source: z.string().nullable(),
    skill: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
});
