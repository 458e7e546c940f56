import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

export const ticketPriority = z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']);
export const ticketStatus = z.enum(['NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED']);
export const slaTarget = z.enum(['FIRST_RESPONSE', 'RESOLUTION']);
const instant = z.iso.datetime({ offset: true });

// Subjects, descriptions and comment bodies are never published: free text may hold
// personal data, and events outlive erasure.

/** A customer's ticket was opened. */
export const TicketOpenedV1 = defineEvent({
  type: 'TicketOpened',
  version: 1,
  topic: TOPICS.tickets,
  producer: 'support',
  consumers: ['analytics'],
  description: 'A support ticket was opened for the customer (status NEW). Subject and description are not published.',
  payload: z.object({
    ticketId: z.uuid(),
    priority: ticketPriority,
    channel: z.string(),
    status: ticketStatus,
    openedBy: z.string().nullable(),
    openedAt: instant,
  }),
});

/** Every status move of a ticket, whatever caused it (a member, or the quiet-period close). */
export const TicketStatusChangedV1 = defineEvent({
  type: 'TicketStatusChanged',
  version: 1,
  topic: TOPICS.tickets,
  producer: 'support',
  consumers: ['analytics'],
  description:
    'A ticket moved from one status to another; `changedBy` is the member, or null when the service moved it (closing after a quiet period). Every move is published, resolution included.',
  payload: z.object({
    ticketId: z.uuid(),
    fromStatus: ticketStatus,
    toStatus: ticketStatus,
    changedBy: z.string().nullable(),
    changedAt: instant,
  }),
});

/** The ticket was given to a member, or unassigned (assigneeId null). */
export const TicketAssignedV1 = defineEvent({
  type: 'TicketAssigned',
  version: 1,
  topic: TOPICS.tickets,
  producer: 'support',
  consumers: ['analytics'],
  description: 'A ticket was assigned to a member (`assigneeId`), or unassigned (null).',
  payload: z.object({
    ticketId: z.uuid(),
    assigneeId: z.uuid().nullable(),
    previousAssigneeId: z.uuid().nullable(),
    assignedBy: z.string(),
    assignedAt: instant,
  }),
});

/** The first public comment of a member: the response time metric starts from these. */
export const TicketFirstRespondedV1 = defineEvent({
  type: 'TicketFirstResponded',
  version: 1,
  topic: TOPICS.tickets,
  producer: 'support',
  consumers: ['analytics'],
  description:
    'A member answered the customer for the first time (first public comment); response time = respondedAt - openedAt.',
  payload: z.object({
    ticketId: z.uuid(),
    priority: ticketPriority,
    responderId: z.string(),
    openedAt: instant,
    respondedAt: instant,
  }),
});

/** A ticket was resolved; `reopenCount` > 0 means it had been resolved before. */
export const TicketResolvedV1 = defineEvent({
  type: 'TicketResolved',
  version: 1,
  topic: TOPICS.tickets,
  producer: 'support',
  consumers: ['analytics'],
  description:
    'A ticket was resolved; resolution time = resolvedAt - openedAt. `reopenCount` counts earlier reopens, `slaBreached` whether any SLA target was missed.',
  payload: z.object({
    ticketId: z.uuid(),
    priority: ticketPriority,
    resolvedBy: z.string(),
    openedAt: instant,
    firstResponseAt: instant.nullable(),
    resolvedAt: instant,
    reopenCount: z.number().int().nonnegative(),
    slaBreached: z.boolean(),
  }),
});

/** An SLA target was missed; published once per ticket and target. */
export const SlaBreachedV1 = defineEvent({
  type: 'SlaBreached',
  version: 1,
  topic: TOPICS.tickets,
  producer: 'support',
  consumers: ['analytics'],
  description:
    'A ticket missed an SLA target (`FIRST_RESPONSE` or `RESOLUTION`) of its priority, counted in business hours without PENDING time; published once per ticket and target.',
  payload: z.object({
    ticketId: z.uuid(),
    target: slaTarget,
    priority: ticketPriority,
    targetMinutes: z.number().int().positive(),
    dueAt: instant,
    detectedAt: instant,
  }),
});
