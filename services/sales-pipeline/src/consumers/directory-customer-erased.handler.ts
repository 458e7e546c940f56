import { CustomerErasedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';
import { learnErasure } from '../modules/customer-directory/customer-directory.js';

/** CustomerErased -> the directory drops the customer's email and external id. */
export const directoryCustomerErasedHandler = on(CustomerErasedV1, (event, scope) =>
  learnErasure(scope, [event.customerId], new Date(event.payload.erasedAt)),
);
