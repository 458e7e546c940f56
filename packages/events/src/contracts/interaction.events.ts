import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

export const interactionKind = z.enum(['EMAIL', 'CALL', 'MEETING', 'NOTE', 'LOGIN', 'PRODUCT_USAGE']);

/** One entry on a customer's timeline; analytics reads engagement and usage trends from these. */
export const InteractionRecordedV1 = defineEvent({
  type: 'InteractionRecorded',
  version: 1,
  topic: TOPICS.interactions,
  producer: 'contacts',
  consumers: ['analytics'],
  description:
    'An interaction was recorded on the timeline (email, call, meeting, note, login, product usage with `feature`). The summary text is not published: it may hold personal data.',
  payload: z.object({
    interactionId: z.uuid(),
    kind: interactionKind,
    feature: z.string().nullable(),
    memberId: z.string().nullable(),
    occurredAt: z.iso.datetime({ offset: true }),
  }),
});
