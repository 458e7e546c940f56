import { CampaignSpendRecordedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { foldBy } from './batch.js';

/** CampaignSpendRecorded -> the campaign's channel and one spend row per event (CAC by channel and period). */
export const campaignSpendRecordedHandler = onBatch(CampaignSpendRecordedV1, async (events, scope) => {
  const campaigns = foldBy(events, (event) => event.payload.campaignId);
  await scope.manager.query(
    `INSERT INTO campaigns (tenant_id, campaign_id, channel, currency)
     SELECT $1, r.campaign_id, r.channel, r.currency FROM jsonb_to_recordset($2::jsonb) AS r(campaign_id uuid, channel text, currency text)
     ON CONFLICT (tenant_id, campaign_id) DO UPDATE SET channel = excluded.channel, currency = excluded.currency`,
    [scope.tenantId, JSON.stringify(campaigns.map(({ payload }) => ({ campaign_id: payload.campaignId, channel: payload.channel, currency: payload.currency })))],
  );
  await scope.manager.query(
    `INSERT INTO campaign_spend (tenant_id, event_id, campaign_id, channel, amount, currency, period_start, period_end)
     SELECT $1, r.event_id, r.campaign_id, r.channel, r.amount, r.currency, r.period_start, r.period_end
       FROM jsonb_to_recordset($2::jsonb)
         AS r(event_id uuid, campaign_id uuid, channel text, amount numeric, currency text, period_start timestamptz, period_end timestamptz)
     ON CONFLICT DO NOTHING`,
    [
      scope.tenantId,
      JSON.stringify(
        events.map(({ id, payload }) => ({
          event_id: id,
          campaign_id: payload.campaignId,
          channel: payload.channel,
          amount: payload.amount,
          currency: payload.currency,
          period_start: payload.periodStart,
          period_end: payload.periodEnd,
        })),
      ),
    ],
  );
});
