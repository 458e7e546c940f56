import { CustomerCreatedV1, LeadConvertedV1 } from '@rapport/events';
import { on, recordEvent } from '@rapport/messaging';
import { CustomerEntity } from '../modules/customer/customer.entity.js';
import { toCustomerCreatedPayload } from '../modules/customer/customer.events.js';
import { normaliseCountry, normaliseEmail } from '../modules/customer/customer.validation.js';

/** Lead fields were validated by sales-pipeline; a value contacts would reject is dropped, not fatal. */
function lenient<T>(normalise: () => T | null): T | null {
  try {
    return normalise();
  } catch {
    return null;
  }
}

/**
 * A converted lead with `createCustomer` becomes a customer under the envelope's id (the lead's
 * id), owned by the member the lead was assigned to. A company lead is a BUSINESS named after
 * the company, anyone else an INDIVIDUAL. Linking to an existing customer needs nothing here.
 * The id makes it idempotent beyond the inbox: a customer that exists is left as it is.
 */
export const leadConvertedHandler = on(LeadConvertedV1, async (event, scope) => {
  if (!event.payload.createCustomer) return;
  const customers = scope.repository(CustomerEntity);
  if (await customers.findById(event.customerId)) return;
  const lead = event.payload;
  const convertedAt = new Date(lead.convertedAt);
  const company = lead.company?.trim() ? lead.company.trim() : null;
  const saved = await customers.insert(
    customers.create({
      id: event.customerId,
      name: company ?? lead.name,
      externalId: null,
      kind: company ? 'BUSINESS' : 'INDIVIDUAL',
      email: lenient(() => normaliseEmail(lead.email)),
      domain: null,
      industry: lead.industry,
      country: lenient(() => normaliseCountry(lead.country)),
      lifecycleStage: 'ACQUISITION',
      ownerId: lead.assigneeId,
      tags: [],
      source: lead.source,
      referredById: null,
      customFields: {},
      createdAt: convertedAt,
      updatedAt: convertedAt,
      erasedAt: null,
    }),
  );
  await recordEvent(scope.manager, 'contacts', CustomerCreatedV1, {
    tenantId: scope.tenantId,
    customerId: saved.id,
    payload: toCustomerCreatedPayload(saved),
    occurredAt: convertedAt,
  });
});
