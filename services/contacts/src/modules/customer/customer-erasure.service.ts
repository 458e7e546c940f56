import { requireRole, withTenant, type AuthContext, type TenantScope } from '@rapport/service-kit';
import { CustomerErasedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import type { DataSource } from 'typeorm';
import { ADMINS } from '../../roles.js';
import { CustomerEntity } from './customer.entity.js';
import { toCustomerModel, type CustomerModel } from './customer.model.js';
import { CONTACTS_PRODUCER, lockCustomer } from './customer.service.js';

export const ERASED_CUSTOMER_NAME = 'Erased customer';
export const ERASED_CONTACT_NAME = 'Erased';
export const ERASED_TASK_TITLE = 'Erased task';

/**
 * Payload fields of this service's events that can hold personal data, and what replaces them.
 * Strings that the contracts require stay strings (placeholders); the rest become null.
 */
const REDACTIONS: Record<string, unknown> = {
  name: ERASED_CUSTOMER_NAME,
  externalId: null,
  email: null,
  domain: null,
  tags: [],
  customFields: {},
  firstName: ERASED_CONTACT_NAME,
  lastName: null,
  phone: null,
  title: null,
  summary: null,
};

export class CustomerErasureService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Right to erasure: personal data goes (names, emails, phones, free text, tags, custom field
   * values); anonymous facts stay (ids, kind, country, industry, lifecycle, owner, dates, how
   * many contacts, interactions and tasks, consent flags). Erasing twice changes nothing.
   */
  async erase(auth: AuthContext, id: string): Promise<{ customer: CustomerModel; erasedAt: Date }> {
    requireRole(auth, ADMINS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const row = await lockCustomer(scope, id);
      if (row.erasedAt) return { customer: toCustomerModel(row), erasedAt: row.erasedAt };
      const now = new Date();
      Object.assign(row, {
        name: ERASED_CUSTOMER_NAME,
        externalId: null,
        email: null,
        domain: null,
        tags: [],
        source: null,
        customFields: {},
        updatedAt: now,
        erasedAt: now,
      });
      const saved = await scope.repository(CustomerEntity).save(row);
      const params = [scope.tenantId, saved.id];
      await scope.manager.query(
        `UPDATE contacts SET first_name = $3, last_name = NULL, email = NULL, phone = NULL, title = NULL, updated_at = now()
          WHERE tenant_id = $1 AND customer_id = $2`,
        [...params, ERASED_CONTACT_NAME],
      );
      await scope.manager.query(`UPDATE interactions SET summary = NULL WHERE tenant_id = $1 AND customer_id = $2`, params);
      await scope.manager.query(`UPDATE tasks SET title = $3, reason = NULL WHERE tenant_id = $1 AND customer_id = $2`, [
        ...params,
        ERASED_TASK_TITLE,
      ]);
      await redactOutbox(scope, saved.id);
      await recordEvent(scope.manager, CONTACTS_PRODUCER, CustomerErasedV1, {
        tenantId: scope.tenantId,
        customerId: saved.id,
        payload: { erasedAt: now.toISOString() },
        occurredAt: now,
      });
      return { customer: toCustomerModel(saved), erasedAt: now };
    });
  }
}

/**
 * Events this service wrote about the customer (and the customers merged into it) still sit
 * in the outbox until the relay prunes them; their payloads are redacted in place. This reads
 * the messaging package's table directly (envelope as JSON text or jsonb, keyed by customer id):
 * keep it in step with that package. What already reached Kafka is out of this database's reach.
 */
async function redactOutbox(scope: TenantScope, customerId: string): Promise<void> {
  const rows: { seq: string; envelope: string }[] = await scope.manager.query(
    `SELECT seq, envelope::text AS envelope FROM outbox
      WHERE tenant_id = $1
        AND message_key IN (SELECT $2::text UNION ALL SELECT merged_id::text FROM customer_merges WHERE tenant_id = $1 AND survivor_id = $2::uuid)`,
    [scope.tenantId, customerId],
  );
  for (const row of rows) {
    const envelope = JSON.parse(row.envelope) as { payload?: Record<string, unknown> };
    const payload = envelope.payload;
    if (!payload) continue;
    let changed = false;
    for (const [field, replacement] of Object.entries(REDACTIONS)) {
      if (field in payload && JSON.stringify(payload[field]) !== JSON.stringify(replacement)) {
        payload[field] = replacement;
        changed = true;
      }
    }
    if (changed) await scope.manager.query(`UPDATE outbox SET envelope = $2 WHERE seq = $1`, [row.seq, JSON.stringify(envelope)]);
  }
}
