import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

export const surveyKind = z.enum(['CSAT', 'NPS', 'CES']);
const instant = z.iso.datetime({ offset: true });

// Answer comments are never published: free text may hold personal data.

/** A survey invitation was created for the customer by what they just did (never by a calendar). */
export const SurveyInvitedV1 = defineEvent({
  type: 'SurveyInvited',
  version: 1,
  topic: TOPICS.surveys,
  producer: 'support',
  consumers: ['analytics'],
  description:
    'A survey invitation was created (`trigger` says what caused it, e.g. `TICKET_RESOLVED`); at most one per customer per 30 days across kinds.',
  payload: z.object({
    invitationId: z.uuid(),
    kind: surveyKind,
    trigger: z.string(),
    ticketId: z.uuid().nullable(),
    sentAt: instant,
  }),
});

/** A customer answered an invitation (one answer per invitation). */
export const SurveyAnsweredV1 = defineEvent({
  type: 'SurveyAnswered',
  version: 1,
  topic: TOPICS.surveys,
  producer: 'support',
  consumers: ['analytics', 'contacts'],
  description: 'A survey invitation was answered: CSAT 1-5, NPS 0-10, CES 1-5. The comment is not published.',
  payload: z.object({
    invitationId: z.uuid(),
    responseId: z.uuid(),
    kind: surveyKind,
    score: z.number().int().min(0).max(10),
    trigger: z.string(),
    answeredAt: instant,
  }),
});

/** An unhappy answer: the loop is closed by a follow-up task for the customer's owner. */
export const FollowUpRequestedV1 = defineEvent({
  type: 'FollowUpRequested',
  version: 1,
  topic: TOPICS.surveys,
  producer: 'support',
  consumers: ['contacts'],
  description:
    'An answer asks for a follow-up (`NPS_DETRACTOR`: NPS 0-6; `LOW_CSAT`: CSAT 1-2); contacts turns it into a task for the customer owner.',
  payload: z.object({
    invitationId: z.uuid(),
    responseId: z.uuid(),
    kind: surveyKind,
    score: z.number().int().min(0).max(10),
    reason: z.enum(['NPS_DETRACTOR', 'LOW_CSAT']),
    requestedAt: instant,
  }),
});
