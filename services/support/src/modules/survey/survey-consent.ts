import type { TenantScope } from '@rapport/service-kit';

/**
 * Support's copy of who may be emailed a survey: one row per contact with its email consent,
 * from contacts' ContactAdded and ContactConsentChanged. The latest `consentUpdatedAt` wins, so an
 * old event replayed late cannot give back a consent that was withdrawn. Names and addresses
 * stay in contacts; support only needs the yes or no.
 */
export async function rememberConsent(
  scope: TenantScope,
  consent: { customerId: string; contactId: string; emailConsent: boolean; consentUpdatedAt: string | null },
): Promise<void> {
  await scope.manager.query(
    `INSERT INTO contact_consents (tenant_id, contact_id, customer_id, email_consent, consent_updated_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, contact_id) DO UPDATE
       SET email_consent = excluded.email_consent, consent_updated_at = excluded.consent_updated_at
     WHERE contact_consents.consent_updated_at IS NULL
        OR (excluded.consent_updated_at IS NOT NULL AND contact_consents.consent_updated_at <= excluded.consent_updated_at)`,
    [scope.tenantId, consent.contactId, consent.customerId, consent.emailConsent, consent.consentUpdatedAt],
  );
}
