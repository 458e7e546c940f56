import { LifecycleStageChangedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { foldBy } from './batch.js';

/** LifecycleStageChanged -> the customer's current stage; the latest change wins whatever the arrival order. */
export const lifecycleStageChangedHandler = onBatch(LifecycleStageChangedV1, async (events, scope) => {
  const rows = foldBy(
    events.map((event) => ({ customer_id: event.customerId, stage: event.payload.toStage, changed_at: event.payload.changedAt, occurred_at: event.occurredAt })),
    (row) => row.customer_id,
    (previous, next) => (Date.parse(next.changed_at) >= Date.parse(previous.changed_at) ? next : previous),
  );
  await scope.manager.query(
    `INSERT INTO customers (tenant_id, customer_id, lifecycle_stage, lifecycle_changed_at, last_event_at)
     SELECT $1, r.customer_id, r.stage, r.changed_at, r.occurred_at
       FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, stage text, changed_at timestamptz, occurred_at timestamptz)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET lifecycle_stage = CASE WHEN customers.lifecycle_changed_at IS NULL OR excluded.lifecycle_changed_at >= customers.lifecycle_changed_at
                                  THEN excluded.lifecycle_stage ELSE customers.lifecycle_stage END,
           lifecycle_changed_at = greatest(customers.lifecycle_changed_at, excluded.lifecycle_changed_at),
           last_event_at = greatest(customers.last_event_at, excluded.last_event_at)`,
    [scope.tenantId, JSON.stringify(rows)],
  );
});
