import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

/**
 * An order import met a customer nobody knew (`importOrders` with `createCustomers`). The
 * sales-pipeline minted the customer's id (the envelope's `customerId`, also the key) and
 * already files the orders under it; contacts, which owns customers, creates the customer
 * with exactly that id. When contacts already holds a customer with that external id (or,
 * without one, that email) under another id, it keeps its own and publishes CustomersMerged
 * (survivor: its id, merged: the minted id), so every service re-points to it.
 */
export const CustomerImportRequestedV1 = defineEvent({
  type: 'CustomerImportRequested',
  version: 1,
  topic: TOPICS.customers,
  producer: 'sales-pipeline',
  consumers: ['contacts'],
  description:
    "An import needs a customer that does not exist yet: contacts creates it under the envelope's `customerId` (minted by the importer) with this external id or email, idempotently. If contacts already has that customer under another id it keeps its own and publishes CustomersMerged (survivor: its id, merged: the minted id).",
  payload: z
    .object({
      externalId: z.string().min(1).nullable(),
      email: z.string().min(1).nullable(),
      name: z.string().min(1),
      requestedAt: z.iso.datetime({ offset: true }),
    })
    .refine((payload) => payload.externalId !== null || payload.email !== null, { message: 'an external id or an email is required' }),
});
