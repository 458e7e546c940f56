import { EntitySchema } from 'typeorm';

/** A person at a customer, with their consent to be contacted by email and phone. */
export interface ContactRow {
  id: string;
  tenantId: string;
  customerId: string;
  firstName: string;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  emailConsent: boolean;
  phoneConsent: boolean;
  consentUpdatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ContactEntity = new EntitySchema<ContactRow>({
  name: 'Contact',
  tableName: 'contacts',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    firstName: { name: 'first_name', type: 'text' },
    lastName: { name: 'last_name', type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    phone: { type: 'text', nullable: true },
    title: { type: 'text', nullable: true },
    emailConsent: { name: 'email_consent', type: 'boolean' },
    phoneConsent: { name: 'phone_consent', type: 'boolean' },
    consentUpdatedAt: { name: 'consent_updated_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});
