import { ContactConsentChangedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';
import { rememberConsent } from '../modules/survey/survey-consent.js';

/** ContactConsentChanged -> a consent given or withdrawn; a withdrawal stops surveys at once. */
export const contactConsentChangedHandler = on(ContactConsentChangedV1, (event, scope) =>
  rememberConsent(scope, { customerId: event.customerId, ...event.payload }),
);
