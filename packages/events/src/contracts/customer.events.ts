import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

const customerKind = z.enum(['BUSINESS', 'INDIVIDUAL']);
const lifecycleStage = z.enum(['ACQUISITION', 'NURTURING', 'RETENTION', 'EXPANSION', 'ADVOCACY']);

/** A customer record was created in contacts (by hand, import, or a converted lead). */
export const CustomerCreatedV1 = defineEvent({
  type: 'CustomerCreated',
  version: 1,
  topic: TOPICS.customers,
  producer: 'contacts',
  consumers: ['analytics'],
  description: 'A customer record was created (by hand, by import or from a converted lead).',
  payload: z.object({
    name: z.string(),
    kind: customerKind,
    externalId: z.string().nullable(),
    email: z.string().nullable(),
    domain: z.string().nullable(),
    industry: z.string().nullable(),
    country: z.string().nullable(),
    lifecycleStage,
    ownerId: z.uuid().nullable(),
    tags: z.array(z.string()),
    source: z.string().nullable(),
    /** The customer who referred this one (referrals per customer); absent from older events. */
    referredById: z.uuid().nullable().optional(),
    createdAt: z.iso.datetime({ offset: true }),
  }),
});

/** Fields of a customer that updateCustomer may change, as named in CustomerUpdated. */
export const UPDATABLE_CUSTOMER_FIELDS = [
  'name',
  'email',
  'domain',
  'industry',
  'country',
  'ownerId',
  'tags',
  'source',
  'customFields',
] as const;

/** Customer fields were changed; only the changed ones are present, with their new values. */
export const CustomerUpdatedV1 = defineEvent({
  type: 'CustomerUpdated',
  version: 1,
  topic: TOPICS.customers,
  producer: 'contacts',
  consumers: ['analytics'],
  description: 'Customer fields were changed: `changedFields` names them, and each changed field carries its new value.',
  payload: z.object({
    changedFields: z.array(z.enum(UPDATABLE_CUSTOMER_FIELDS)).min(1),
    name: z.string().optional(),
    email: z.string().nullable().optional(),
    domain: z.string().nullable().optional(),
    industry: z.string().nullable().optional(),
    country: z.string().nullable().optional(),
    ownerId: z.uuid().nullable().optional(),
    tags: z.array(z.string()).optional(),
    source: z.string().nullable().optional(),
    customFields: z.record(z.string(), z.unknown()).optional(),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
});

/** A customer moved from one lifecycle stage to another (by hand, or automatically from events). */
export const LifecycleStageChangedV1 = defineEvent({
  type: 'LifecycleStageChanged',
  version: 1,
  topic: TOPICS.customers,
  producer: 'contacts',
  consumers: ['analytics'],
  description: 'A customer moved to another lifecycle stage; `reason` says what moved it (`manual` when set by hand).',
  payload: z.object({
    fromStage: lifecycleStage,
    toStage: lifecycleStage,
    reason: z.string(),
    changedBy: z.string().nullable(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
});

/**
 * Customers were merged into a survivor (the message key): every service re-points its rows of
 * the merged ids to the survivor.
 */
export const CustomersMergedV1 = defineEvent({
  type: 'CustomersMerged',
  version: 1,
  topic: TOPICS.customers,
  producer: 'contacts',
  consumers: ['analytics', 'sales-pipeline', 'support'],
  description: 'Customers were merged: rows of `mergedIds` now belong to `survivorId` (also the key).',
  payload: z.object({
    survivorId: z.uuid(),
    mergedIds: z.array(z.uuid()).min(1),
    mergedAt: z.iso.datetime({ offset: true }),
  }),
});

/** Right to erasure: every service removes the personal data it holds for this customer. */
export const CustomerErasedV1 = defineEvent({
  type: 'CustomerErased',
  version: 1,
  topic: TOPICS.customers,
  producer: 'contacts',
  consumers: ['analytics', 'sales-pipeline', 'support'],
  description: 'The personal data of a customer was erased in contacts; every service erases what it holds for it.',
  payload: z.object({
    erasedAt: z.iso.datetime({ offset: true }),
  }),
});
