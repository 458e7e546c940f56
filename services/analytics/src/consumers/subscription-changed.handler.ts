import { SubscriptionChangedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { foldBy, toCents, utcDay } from './batch.js';
import { addDelta, addToDailyRollups, type RollupDelta } from './customer-purchases.js';
import { refreshKpiFacts } from './kpi-facts.js';

/**
 * SubscriptionChanged -> the subscription's current MRR, the movement ledger (with the
 * customer's MRR before and after: contraction and churn are read from it) and the day's MRR
 * change. A movement is keyed by its event id, so a replay adds nothing twice.
 */
export const subscriptionChangedHandler = onBatch(SubscriptionChangedV1, async (events, scope) => {
  const inserted: { event_id: string }[] = await scope.manager.query(
    `INSERT INTO mrr_movements (tenant_id, event_id, customer_id, subscription_id, movement, month, amount, customer_mrr_before, customer_mrr_after, currency, occurred_at)
     SELECT $1, r.event_id, r.customer_id, r.subscription_id, r.movement, r.month, r.amount, r.before, r.after, r.currency, r.occurred_at
       FROM jsonb_to_recordset($2::jsonb)
         AS r(event_id uuid, customer_id uuid, subscription_id uuid, movement text, month text, amount numeric, before numeric, after numeric, currency text, occurred_at timestamptz)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [
      scope.tenantId,
      JSON.stringify(
        events.map((event) => ({
          event_id: event.id,
          customer_id: event.customerId,
          subscription_id: event.payload.subscriptionId,
          movement: event.payload.movement,
          month: event.payload.month,
          amount: event.payload.amount,
          before: event.payload.customerMrrBefore,
          after: event.payload.customerMrrAfter,
          currency: event.payload.currency,
          occurred_at: event.payload.occurredAt,
        })),
      ),
    ],
  );
  const fresh = new Set(inserted.map((row) => row.event_id));
  const deltas = new Map<string, RollupDelta>();
  for (const event of events) if (fresh.has(event.id)) addDelta(deltas, utcDay(event.payload.occurredAt), { mrrChangeCents: toCents(event.payload.amount) });
  await addToDailyRollups(scope, deltas);

  const latest = foldBy(events, (event) => event.payload.subscriptionId, (previous, next) => (next.payload.occurredAt >= previous.payload.occurredAt ? next : previous));
  await scope.manager.query(
    `INSERT INTO subscriptions (tenant_id, subscription_id, customer_id, product_id, mrr, currency, started_at, ended_at, last_change_at)
     SELECT $1, r.subscription_id, r.customer_id, r.product_id, r.mrr, r.currency, r.started_at, r.ended_at, r.occurred_at
       FROM jsonb_to_recordset($2::jsonb)
         AS r(subscription_id uuid, customer_id uuid, product_id uuid, mrr numeric, currency text, started_at timestamptz, ended_at timestamptz, occurred_at timestamptz)
     ON CONFLICT (tenant_id, subscription_id) DO UPDATE
       SET mrr = excluded.mrr, ended_at = excluded.ended_at, started_at = excluded.started_at, last_change_at = excluded.last_change_at
       WHERE excluded.last_change_at >= subscriptions.last_change_at`,
    [
      scope.tenantId,
      JSON.stringify(
        latest.map((event) => ({
          subscription_id: event.payload.subscriptionId,
          customer_id: event.customerId,
          product_id: event.payload.productId,
          mrr: event.payload.subscriptionMrrAfter,
          currency: event.payload.currency,
          started_at: event.payload.startedAt,
          ended_at: event.payload.endedAt,
          occurred_at: event.payload.occurredAt,
        })),
      ),
    ],
  );
  // A subscription's start and end decide when its customer was acquired and is active.
  await refreshKpiFacts(scope, latest.map((event) => event.customerId));
});
