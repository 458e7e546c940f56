import { InteractionRecordedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { foldBy } from './batch.js';

/** Monday (UTC) of the ISO week an instant falls in. */
export function isoWeekStart(instant: string): string {
  const date = new Date(instant);
  const day = date.getUTCDay();
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - ((day + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/**
 * InteractionRecorded -> interactions per customer, week, kind and feature (usage trends), the
 * first use of each feature (adoption) and the customer's last activity. Counts only grow
 * through the inbox, which admits each event once.
 */
export const interactionRecordedHandler = onBatch(InteractionRecordedV1, async (events, scope) => {
  const weeks = new Map<string, { customer_id: string; week: string; kind: string; feature: string; interactions: number }>();
  for (const { customerId, payload } of events) {
    const week = isoWeekStart(payload.occurredAt);
    const feature = payload.feature ?? '';
    const key = `${customerId}|${week}|${payload.kind}|${feature}`;
    const row = weeks.get(key) ?? { customer_id: customerId, week, kind: payload.kind, feature, interactions: 0 };
    row.interactions += 1;
    weeks.set(key, row);
  }
  await scope.manager.query(
    `INSERT INTO usage_weeks (tenant_id, customer_id, week, kind, feature, interactions)
     SELECT $1, r.customer_id, r.week, r.kind, r.feature, r.interactions
       FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, week date, kind text, feature text, interactions int)
     ON CONFLICT (tenant_id, customer_id, week, kind, feature) DO UPDATE SET interactions = usage_weeks.interactions + excluded.interactions`,
    [scope.tenantId, JSON.stringify([...weeks.values()])],
  );
  const firstUses = foldBy(
    events.filter((event) => event.payload.feature).map(({ customerId, payload }) => ({ customer_id: customerId, feature: payload.feature!, at: payload.occurredAt })),
    (row) => `${row.customer_id}|${row.feature}`,
    (previous, next) => (Date.parse(next.at) < Date.parse(previous.at) ? next : previous),
  );
  if (firstUses.length > 0) {
    await scope.manager.query(
      `INSERT INTO feature_first_use (tenant_id, customer_id, feature, first_used_at)
       SELECT $1, r.customer_id, r.feature, r.at FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, feature text, at timestamptz)
       ON CONFLICT (tenant_id, customer_id, feature) DO UPDATE SET first_used_at = least(feature_first_use.first_used_at, excluded.first_used_at)`,
      [scope.tenantId, JSON.stringify(firstUses)],
    );
  }
  const last = foldBy(
    events.map(({ customerId, payload, occurredAt }) => ({ customer_id: customerId, at: payload.occurredAt, occurred_at: occurredAt })),
    (row) => row.customer_id,
    (previous, next) => (Date.parse(next.at) > Date.parse(previous.at) ? next : previous),
  );
  await scope.manager.query(
    `INSERT INTO customers (tenant_id, customer_id, last_activity_at, last_event_at)
     SELECT $1, r.customer_id, r.at, r.occurred_at FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, at timestamptz, occurred_at timestamptz)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET last_activity_at = greatest(customers.last_activity_at, excluded.last_activity_at), last_event_at = greatest(customers.last_event_at, excluded.last_event_at)`,
    [scope.tenantId, JSON.stringify(last)],
  );
});
