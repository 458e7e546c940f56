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
    createdAt: z.iso.datetime({ offset: true }),
  }),
});
