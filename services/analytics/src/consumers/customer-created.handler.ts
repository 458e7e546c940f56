import { CustomerCreatedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { foldBy } from './batch.js';

/**
 * CustomerCreated -> analytics' own customer row (owner, lifecycle stage, referrer) and a
 * metrics row stamped with the time the read model changed. Applied in bulk: one statement
 * per run of events. A row that other events created first (an order can overtake its
 * customer: they travel on different topics) is completed, not replaced.
 */
export const customerCreatedHandler = onBatch(CustomerCreatedV1, async (events, scope) => {
  const applied = new Map<string, number>();
  for (const event of events) applied.set(event.customerId, (applied.get(event.customerId) ?? 0) + 1);
  const rows = foldBy(
    events.map((event) => ({
      customer_id: event.customerId,
      name: event.payload.name,
      kind: event.payload.kind,
      country: event.payload.country,
      source: event.payload.source,
      owner_id: event.payload.ownerId,
      lifecycle_stage: event.payload.lifecycleStage,
      referred_by: event.payload.referredById ?? null,
      created_at: event.payload.createdAt,
      occurred_at: event.occurredAt,
      applied: applied.get(event.customerId) ?? 1,
    })),
    (row) => row.customer_id,
  );
  const column = <Value>(pick: (row: (typeof rows)[number]) => Value) => rows.map(pick);
  // Columns as arrays, not one JSON document: Postgres reads arrays without parsing JSON per row.
  await scope.manager.query(
    `INSERT INTO customers (tenant_id, customer_id, name, kind, country, source, owner_id, lifecycle_stage, referred_by, created_at, events_applied, last_event_at)
     SELECT $1, r.customer_id, r.name, r.kind, r.country, r.source, r.owner_id, r.lifecycle_stage, r.referred_by, r.created_at, r.applied, r.occurred_at
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::uuid[], $10::timestamptz[], $11::timestamptz[], $12::int[])
         AS r(customer_id, name, kind, country, source, owner_id, lifecycle_stage, referred_by, created_at, occurred_at, applied)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET name = CASE WHEN customers.erased_at IS NULL THEN excluded.name END,
           kind = excluded.kind, country = excluded.country, source = excluded.source,
           owner_id = excluded.owner_id, referred_by = excluded.referred_by, created_at = excluded.created_at,
           -- a stage change may have been applied before its creation event arrived
           lifecycle_stage = CASE WHEN customers.lifecycle_changed_at IS NULL THEN excluded.lifecycle_stage ELSE customers.lifecycle_stage END,
           events_applied = customers.events_applied + excluded.events_applied, last_event_at = greatest(customers.last_event_at, excluded.last_event_at)`,
    [
      scope.tenantId,
      column((row) => row.customer_id),
      column((row) => row.name),
      column((row) => row.kind),
      column((row) => row.country),
      column((row) => row.source),
      column((row) => row.owner_id),
      column((row) => row.lifecycle_stage),
      column((row) => row.referred_by),
      column((row) => row.created_at),
      column((row) => row.occurred_at),
      column((row) => row.applied),
    ],
  );
  await scope.manager.query(
    // clock_timestamp, not now(): the moment the read model changed, not when the batch began.
    `INSERT INTO customer_metrics (tenant_id, customer_id, updated_at)
     SELECT $1, customer_id, clock_timestamp() FROM unnest($2::uuid[]) AS customer_id
     ON CONFLICT (tenant_id, customer_id) DO UPDATE SET updated_at = clock_timestamp()`,
    [scope.tenantId, column((row) => row.customer_id)],
  );
});
