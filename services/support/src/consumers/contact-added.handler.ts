import { ContactAddedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';

/**
 * ContactAdded -> support's copy of who may be emailed a survey: one row per contact with its
 * email consent. Names and addresses stay in contacts; support only needs the yes or no.
 */
export const contactAddedHandler = on(ContactAddedV1, async (event, scope) => {
  await scope.manager.query(
    `INSERT INTO contact_consents (tenant_id, contact_id, customer_id, email_consent, consent_updated_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, contact_id) DO UPDATE
       SET email_consent = excluded.email_consent, consent_updated_at = excluded.consent_updated_at
     WHERE contact_consents.consent_updated_at IS NULL OR contact_consents.consent_updated_at <= excluded.consent_updated_at`,
    [scope.tenantId, event.payload.contactId, event.customerId, event.payload.emailConsent, event.payload.consentUpdatedAt],
  );
});
