import { LeadConvertedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/** LeadConverted -> the lead's conversion time and the customer it became (the envelope's customer id). */
export const leadConvertedHandler = onBatch(LeadConvertedV1, async (events, scope) => {
  await scope.manager.query(
    `INSERT INTO leads (tenant_id, lead_id, source, campaign_id, created_at, converted_at, customer_id, assignee_id)
     SELECT $1, r.lead_id, r.source, r.campaign_id, r.created_at, r.converted_at, r.customer_id, r.assignee_id
       FROM jsonb_to_recordset($2::jsonb)
         AS r(lead_id uuid, source text, campaign_id uuid, created_at timestamptz, converted_at timestamptz, customer_id uuid, assignee_id uuid)
     ON CONFLICT (tenant_id, lead_id) DO UPDATE
       SET converted_at = excluded.converted_at, customer_id = excluded.customer_id, assignee_id = coalesce(excluded.assignee_id, leads.assignee_id)`,
    [
      scope.tenantId,
      JSON.stringify(
        events.map(({ customerId, payload }) => ({
          lead_id: payload.leadId,
          source: payload.source,
          campaign_id: payload.campaignId,
          created_at: payload.createdAt,
          converted_at: payload.convertedAt,
          customer_id: customerId,
          assignee_id: payload.assigneeId,
        })),
      ),
    ],
  );
});
