import type { ContactRow } from './contact.entity.js';

export interface ContactModel {
  id: string;
  customerId: string;
  firstName: string;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  consent: { email: boolean; phone: boolean; updatedAt: Date | null };
}

export function toContactModel(row: ContactRow): ContactModel {
  return {
    id: row.id,
    customerId: row.customerId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    title: row.title,
    consent: { email: row.emailConsent, phone: row.phoneConsent, updatedAt: row.consentUpdatedAt },
  };
}
