import { LeadCreatedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/**
 * LeadCreated -> the lead's source, campaign and time. Its name, email and company are personal
 * or free text and are not copied: conversion rates need none of them.
 */
export const leadCreatedHandler = onBatch(LeadCreatedV1, async (events, scope) => {
  await scope.manager.query(
    `INSERT INTO leads (tenant_id, lead_id, source, campaign_id, created_at, assignee_id)
     SELECT $1, r.lead_id, r.source, r.campaign_id, r.created_at, r.assignee_id
       FROM jsonb_to_recordset($2::jsonb) AS r(lead_id uuid, source text, campaign_id uuid, created_at timestamptz, assignee_id uuid)
     ON CONFLICT (tenant_id, lead_id) DO UPDATE
       SET source = excluded.source, campaign_id = excluded.campaign_id, created_at = excluded.created_at,
           assignee_id = coalesce(leads.assignee_id, excluded.assignee_id)`,
    [
      scope.tenantId,
      JSON.stringify(
        events.map(({ payload }) => ({
          lead_id: payload.leadId,
          source: payload.source,
          campaign_id: payload.campaignId,
          created_at: payload.createdAt,
          assignee_id: payload.assigneeId,
        })),
      ),
    ],
  );
});
