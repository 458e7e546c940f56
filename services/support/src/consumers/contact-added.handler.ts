import { ContactAddedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';
import { rememberConsent } from '../modules/survey/survey-consent.js';

/** ContactAdded -> the new contact's email consent, which surveys require. */
export const contactAddedHandler = on(ContactAddedV1, (event, scope) =>
  rememberConsent(scope, { customerId: event.customerId, ...event.payload }),
);
