import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

// Contacts and tasks belong to the customer aggregate, so they travel on its topic and key.
// Their payloads carry no names, addresses or free text: events outlive erasure.

/** A person was added to a customer, with the consent they gave. */
export const ContactAddedV1 = defineEvent({
  type: 'ContactAdded',
  version: 1,
  topic: TOPICS.customers,
  producer: 'contacts',
  consumers: ['support'],
  description: 'A contact (a person) was added to a customer, with their email and phone consent. No personal data.',
  payload: z.object({
    contactId: z.uuid(),
    emailConsent: z.boolean(),
    phoneConsent: z.boolean(),
    consentUpdatedAt: z.iso.datetime({ offset: true }).nullable(),
  }),
});

/** A contact's consent was given or withdrawn (updateContactConsent): the whole consent after the change. */
export const ContactConsentChangedV1 = defineEvent({
  type: 'ContactConsentChanged',
  version: 1,
  topic: TOPICS.customers,
  producer: 'contacts',
  consumers: ['support'],
  description:
    "A contact's email or phone consent changed; the payload is the consent after the change (the latest `consentUpdatedAt` wins). No personal data.",
  payload: z.object({
    contactId: z.uuid(),
    emailConsent: z.boolean(),
    phoneConsent: z.boolean(),
    consentUpdatedAt: z.iso.datetime({ offset: true }),
  }),
});

/** A follow-up task was created for a customer. */
export const TaskCreatedV1 = defineEvent({
  type: 'TaskCreated',
  version: 1,
  topic: TOPICS.customers,
  producer: 'contacts',
  consumers: [],
  description: 'A follow-up task was created for a customer. The title is not published.',
  payload: z.object({
    taskId: z.uuid(),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    assigneeId: z.uuid().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  }),
});

/** A follow-up task was completed (published once, on the first completion). */
export const TaskCompletedV1 = defineEvent({
  type: 'TaskCompleted',
  version: 1,
  topic: TOPICS.customers,
  producer: 'contacts',
  consumers: [],
  description: 'A follow-up task was completed; completing it again publishes nothing.',
  payload: z.object({
    taskId: z.uuid(),
    completedAt: z.iso.datetime({ offset: true }),
  }),
});
