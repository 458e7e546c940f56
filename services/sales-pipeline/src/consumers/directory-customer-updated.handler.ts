import { CustomerUpdatedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { learnEmails } from '../modules/customer-directory/customer-directory.js';

/** CustomerUpdated that changed the email -> the directory's copy of it. Other fields are not kept here. */
export const directoryCustomerUpdatedHandler = onBatch(CustomerUpdatedV1, (events, scope) =>
  learnEmails(
    scope,
    events
      .filter((event) => event.payload.changedFields.includes('email'))
      .map((event) => ({ customerId: event.customerId, email: event.payload.email ?? null })),
  ),
);
