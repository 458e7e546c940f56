import { CustomerUpdatedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/**
 * CustomerUpdated -> the fields analytics copies (name, country, source, owner). Only the
 * changed fields travel; one customer's updates are applied in their order.
 */
export const customerUpdatedHandler = onBatch(CustomerUpdatedV1, async (events, scope) => {
  for (const event of events) {
    const changed = new Set(event.payload.changedFields);
    await scope.manager.query(
      `INSERT INTO customers (tenant_id, customer_id, name, country, source, owner_id, events_applied, last_event_at)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7)
       ON CONFLICT (tenant_id, customer_id) DO UPDATE
         SET name = CASE WHEN customers.erased_at IS NOT NULL THEN NULL WHEN $8 THEN excluded.name ELSE customers.name END,
             country = CASE WHEN $9 THEN excluded.country ELSE customers.country END,
             source = CASE WHEN $10 THEN excluded.source ELSE customers.source END,
             owner_id = CASE WHEN $11 THEN excluded.owner_id ELSE customers.owner_id END,
             events_applied = customers.events_applied + 1, last_event_at = greatest(customers.last_event_at, excluded.last_event_at)`,
      [
        scope.tenantId,
        event.customerId,
        event.payload.name ?? null,
        event.payload.country ?? null,
        event.payload.source ?? null,
        event.payload.ownerId ?? null,
        event.occurredAt,
        changed.has('name'),
        changed.has('country'),
        changed.has('source'),
        changed.has('ownerId'),
      ],
    );
  }
});
