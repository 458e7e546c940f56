import { CustomerErasedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/**
 * Right to erasure: analytics keeps the numbers (orders, revenue, tickets, scores) but drops
 * every personal field it copied. The only one is the customer's name; the rest of the read
 * models hold ids, amounts, times and categories. A later CustomerCreated or CustomerUpdated
 * replayed from the topic cannot bring the name back: erased_at is checked on every write.
 */
export const customerErasedHandler = onBatch(CustomerErasedV1, async (events, scope) => {
  await scope.manager.query(
    `INSERT INTO customers (tenant_id, customer_id, erased_at, last_event_at)
     SELECT $1, r.customer_id, r.erased_at, r.erased_at FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, erased_at timestamptz)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET name = NULL, erased_at = coalesce(customers.erased_at, excluded.erased_at)`,
    [scope.tenantId, JSON.stringify(events.map((event) => ({ customer_id: event.customerId, erased_at: event.payload.erasedAt })))],
  );
});
