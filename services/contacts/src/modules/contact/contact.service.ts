import { randomUUID } from 'node:crypto';
import { badInput, isUuid, notFound, requireRole, withTenant, type AuthContext } from '@rapport/service-kit';
import { ContactAddedV1, ContactConsentChangedV1 } from '@rapport/events';
import { recordEvent, recordEvents } from '@rapport/messaging';
import { In, type DataSource } from 'typeorm';
import type { AddContactInput, UpdateContactConsentInput } from '../../generated/graphql.js';
import { eachItem, listItems, singleItem, type ItemPath } from '../../bulk.js';
import { READERS, WRITERS } from '../../roles.js';
import { CONTACTS_PRODUCER, lockCustomer, lockCustomersOf } from '../customer/customer.service.js';
import { normaliseEmail, optionalText, requireText } from '../customer/customer.validation.js';
import { ContactEntity } from './contact.entity.js';
import { toContactAddedPayload } from './contact.events.js';
import { toContactModel, type ContactModel } from './contact.model.js';

const PHONE = /^\+?[0-9 ()./-]{5,30}$/;

function normalisePhone(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const phone = value.trim();
  if (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 5) throw badInput('phone', `"${value}" is not a phone number`);
  return phone;
}

export class ContactService {
  constructor(private readonly dataSource: DataSource) {}

  async add(auth: AuthContext, input: AddContactInput): Promise<ContactModel> {
    requireRole(auth, WRITERS);
    const [contact] = await this.write(auth, [input], singleItem);
    return contact!;
  }

  /** Many contacts, all or none, each as `add` writes one; in the order given. */
  addAll(auth: AuthContext, inputs: readonly AddContactInput[]): Promise<ContactModel[]> {
    requireRole(auth, WRITERS);
    return this.write(auth, inputs, listItems('contacts', inputs));
  }

  /** One transaction for any number of contacts: one INSERT, one outbox statement. */
  private async write(auth: AuthContext, inputs: readonly AddContactInput[], path: ItemPath): Promise<ContactModel[]> {
    const now = new Date();
    const values = eachItem(inputs, path, (input) => {
      const consentGiven = (input.emailConsent ?? null) !== null || (input.phoneConsent ?? null) !== null;
      return {
        id: randomUUID(),
        firstName: requireText(input.firstName, 'firstName'),
        lastName: optionalText(input.lastName, 'lastName'),
        email: normaliseEmail(input.email),
        phone: normalisePhone(input.phone),
        title: optionalText(input.title, 'title'),
        // No answer is no consent; the time is kept only when the person actually answered.
        emailConsent: input.emailConsent ?? false,
        phoneConsent: input.phoneConsent ?? false,
        consentUpdatedAt: consentGiven ? now : null,
        createdAt: now,
        updatedAt: now,
      };
    });
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      // Locked so that a concurrent merge or erasure cannot miss the new contacts.
      const customers = await lockCustomersOf(
        scope,
        inputs.map((input) => input.customerId),
        path,
      );
      const contacts = scope.repository(ContactEntity);
      const saved = await contacts.insertAll(values.map((row, index) => contacts.create({ ...row, customerId: customers[index]!.id })));
      await recordEvents(
        scope.manager,
        CONTACTS_PRODUCER,
        ContactAddedV1,
        saved.map((row) => ({ tenantId: scope.tenantId, customerId: row.customerId, payload: toContactAddedPayload(row), occurredAt: row.createdAt })),
      );
      return saved.map(toContactModel);
    });
  }

  /** Only a real change moves `consent.updatedAt` and is published; the same answer again changes nothing. */
  async updateConsent(auth: AuthContext, input: UpdateContactConsentInput): Promise<ContactModel> {
    requireRole(auth, WRITERS);
    if (!isUuid(input.contactId)) throw notFound('contact', input.contactId);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const contacts = scope.repository(ContactEntity);
      const found = await contacts.findById(input.contactId);
      if (!found) throw notFound('contact', input.contactId);
      // The customer first, as addContact, merges and erasure lock it: one order, no deadlock.
      await lockCustomer(scope, found.customerId);
      const contact = await contacts.queryBuilder('contact').andWhere('contact.id = :id', { id: found.id }).setLock('pessimistic_write').getOne();
      if (!contact) throw notFound('contact', input.contactId);
      const email = input.email ?? contact.emailConsent;
      const phone = input.phone ?? contact.phoneConsent;
      if (email === contact.emailConsent && phone === contact.phoneConsent) return toContactModel(contact);
      const now = new Date();
      Object.assign(contact, { emailConsent: email, phoneConsent: phone, consentUpdatedAt: now, updatedAt: now });
      const saved = await contacts.save(contact);
      await recordEvent(scope.manager, CONTACTS_PRODUCER, ContactConsentChangedV1, {
        tenantId: scope.tenantId,
        customerId: saved.customerId,
        payload: { contactId: saved.id, emailConsent: email, phoneConsent: phone, consentUpdatedAt: now.toISOString() },
        occurredAt: now,
      });
      return toContactModel(saved);
    });
  }

  /** The contacts of many customers in one query (Customer.contacts loader). */
  async forCustomers(auth: AuthContext, customerIds: readonly string[]): Promise<ContactModel[]> {
    requireRole(auth, READERS);
    const ids = customerIds.filter(isUuid);
    if (ids.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (
        await scope.repository(ContactEntity).find({ where: { customerId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } })
      ).map(toContactModel),
    );
  }
}
