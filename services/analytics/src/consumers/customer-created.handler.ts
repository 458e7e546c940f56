import { CustomerCreatedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/**
 * CustomerCreated -> analytics' own customer row and a metrics row stamped with the time
 * the read model changed. Applied in bulk: one statement per run of events.
 */
export const customerCreatedHandler = onBatch(CustomerCreatedV1, async (events, scope) => {
  // One row per customer: a statement may not upsert the same row twice.
  const byCustomer = new Map<string, { customer_id: string; name: string; kind: string; country: string | null; source: string | null; created_at: string; occurred_at: string; applied: number }>();
  for (const event of events) {
    const previous = byCustomer.get(event.customerId);
    byCustomer.set(event.customerId, {
      customer_id: event.customerId,
      name: event.payload.name,
      kind: event.payload.kind,
      country: event.payload.country,
      source: event.payload.source,
      created_at: event.payload.createdAt,
      occurred_at: event.occurredAt,
      applied: (previous?.applied ?? 0) + 1,
    });
  }
  const rows = [...byCustomer.values()];
  await scope.manager.query(
    `INSERT INTO customers (tenant_id, customer_id, name, kind, country, source, created_at, events_applied, last_event_at)
     SELECT $1, r.customer_id, r.name, r.kind, r.country, r.source, r.created_at, r.applied, r.occurred_at
       FROM jsonb_to_recordset($2::jsonb)
         AS r(customer_id uuid, name text, kind text, country text, source text, created_at timestamptz, occurred_at timestamptz, applied int)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET name = excluded.name, kind = excluded.kind, country = excluded.country, source = excluded.source,
           events_applied = customers.events_applied + excluded.events_applied, last_event_at = greatest(customers.last_event_at, excluded.last_event_at)`,
    [scope.tenantId, JSON.stringify(rows)],
  );
  await scope.manager.query(
    // clock_timestamp, not now(): the moment the read model changed, not when the batch began.
    `INSERT INTO customer_metrics (tenant_id, customer_id, updated_at)
     SELECT $1, customer_id, clock_timestamp() FROM unnest($2::uuid[]) AS customer_id
     ON CONFLICT (tenant_id, customer_id) DO UPDATE SET updated_at = clock_timestamp()`,
    [scope.tenantId, rows.map((row) => row.customer_id)],
  );
});
