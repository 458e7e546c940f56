import { CustomerCreatedV1, CustomerImportRequestedV1, CustomersMergedV1 } from '@rapport/events';
import { on, recordEvent } from '@rapport/messaging';
import { CustomerEntity, type CustomerRow } from '../modules/customer/customer.entity.js';
import { toCustomerCreatedPayload } from '../modules/customer/customer.events.js';
import { normaliseEmail } from '../modules/customer/customer.validation.js';
import { CONTACTS_PRODUCER } from '../modules/customer/customer.service.js';

/**
 * An order import (sales-pipeline, `createCustomers`) minted a customer id for a customer it did
 * not know: create the customer under exactly that id, named as the import says. Idempotent:
 * the id exists, or was already merged, and nothing happens. When a customer with that external
 * id (or, without one, that email) already exists here under another id, contacts keeps its own
 * and merges the minted id into it: CustomersMerged(survivor: its id, merged: the minted id),
 * so the other services re-point what they filed under the minted id.
 */
export const customerImportRequestedHandler = on(CustomerImportRequestedV1, async (event, scope) => {
  const mintedId = event.customerId;
  const customers = scope.repository(CustomerEntity);
  if (await customers.findById(mintedId)) return;
  const [merged]: unknown[] = await scope.manager.query(`SELECT 1 FROM customer_merges WHERE tenant_id = $1 AND merged_id = $2`, [scope.tenantId, mintedId]);
  if (merged) return;

  const request = event.payload;
  let email: string | null = null;
  try {
    email = normaliseEmail(request.email);
  } catch {
    // The importer checked the address; one contacts would refuse is dropped, not fatal.
  }
  const existing = await findExisting(scope.manager, scope.tenantId, request.externalId, email);
  const now = new Date();
  if (existing) {
    await scope.manager.query(
      `INSERT INTO customer_merges (tenant_id, merged_id, survivor_id, merged_at, merged_by) VALUES ($1, $2, $3, $4, 'import')`,
      [scope.tenantId, mintedId, existing.id, now],
    );
    await recordEvent(scope.manager, CONTACTS_PRODUCER, CustomersMergedV1, {
      tenantId: scope.tenantId,
      customerId: existing.id,
      payload: { survivorId: existing.id, mergedIds: [mintedId], mergedAt: now.toISOString() },
      occurredAt: now,
    });
    return;
  }
  const saved = await customers.insert(
    customers.create({
      id: mintedId,
      name: request.name.trim().slice(0, 500) || (request.externalId ?? email ?? mintedId),
      externalId: request.externalId,
      kind: 'INDIVIDUAL',
      email,
      domain: null,
      industry: null,
      country: null,
      lifecycleStage: 'ACQUISITION',
      ownerId: null,
      tags: [],
      source: null,
      referredById: null,
      customFields: {},
      createdAt: now,
      updatedAt: now,
      erasedAt: null,
    }),
  );
  await recordEvent(scope.manager, CONTACTS_PRODUCER, CustomerCreatedV1, {
    tenantId: scope.tenantId,
    customerId: saved.id,
    payload: toCustomerCreatedPayload(saved),
    occurredAt: now,
  });
});

async function findExisting(
  manager: { query(sql: string, parameters: unknown[]): Promise<unknown> },
  tenantId: string,
  externalId: string | null,
  email: string | null,
): Promise<Pick<CustomerRow, 'id'> | undefined> {
  if (externalId !== null) {
    const [row] = (await manager.query(`SELECT id FROM customers WHERE tenant_id = $1 AND external_id = $2`, [tenantId, externalId])) as { id: string }[];
    return row;
  }
  if (email === null) return undefined;
  const [row] = (await manager.query(
    `SELECT id FROM customers WHERE tenant_id = $1 AND email = $2 AND erased_at IS NULL ORDER BY created_at, id LIMIT 1`,
    [tenantId, email],
  )) as { id: string }[];
  return row;
}
