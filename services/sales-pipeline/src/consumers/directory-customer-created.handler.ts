import { CustomerCreatedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { learnCreated } from '../modules/customer-directory/customer-directory.js';

/** CustomerCreated -> the customer directory imports resolve rows through, in bulk. */
export const directoryCustomerCreatedHandler = onBatch(CustomerCreatedV1, (events, scope) =>
  learnCreated(
    scope,
    events.map((event) => ({ customerId: event.customerId, externalId: event.payload.externalId, email: event.payload.email })),
  ),
);
