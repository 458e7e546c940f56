import type { ContactAddedV1, PayloadOf } from '@rapport/events';
import type { ContactRow } from './contact.entity.js';

/** Consent facts only: names, emails and phones stay in this database, where erasure reaches them. */
export function toContactAddedPayload(row: ContactRow): PayloadOf<typeof ContactAddedV1> {
  return {
    contactId: row.id,
    emailConsent: row.emailConsent,
    phoneConsent: row.phoneConsent,
    consentUpdatedAt: row.consentUpdatedAt?.toISOString() ?? null,
  };
}
