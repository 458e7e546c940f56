import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

/**
 * A team member was created or changed in contacts, which owns the directory. Members are not
 * customers: the envelope's `customerId` (the message key) is the member's id, which keeps one
 * member's changes in order. Every message carries the whole member, so the latest one wins.
 */
export const MemberUpsertedV1 = defineEvent({
  type: 'MemberUpserted',
  version: 1,
  topic: TOPICS.members,
  producer: 'contacts',
  consumers: ['sales-pipeline'],
  description:
    "A team member was created or changed (whole state, latest wins); the envelope's `customerId` is the member's id. Sales-pipeline routes leads with its copy of the directory.",
  payload: z.object({
    memberId: z.uuid(),
    name: z.string(),
    team: z.string().nullable(),
    territories: z.array(z.string()),
    skills: z.array(z.string()),
    available: z.boolean(),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
});
