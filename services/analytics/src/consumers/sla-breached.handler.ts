import { SlaBreachedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/** SlaBreached -> one breach per ticket and target, and the ticket marked as breached. */
export const slaBreachedHandler = onBatch(SlaBreachedV1, async (events, scope) => {
  const rows = events.map(({ customerId, payload }) => ({
    ticket_id: payload.ticketId,
    target: payload.target,
    customer_id: customerId,
    priority: payload.priority,
    due_at: payload.dueAt,
    detected_at: payload.detectedAt,
  }));
  await scope.manager.query(
    `INSERT INTO sla_breaches (tenant_id, ticket_id, target, customer_id, priority, due_at, detected_at)
     SELECT $1, r.ticket_id, r.target, r.customer_id, r.priority, r.due_at, r.detected_at
       FROM jsonb_to_recordset($2::jsonb) AS r(ticket_id uuid, target text, customer_id uuid, priority text, due_at timestamptz, detected_at timestamptz)
     ON CONFLICT DO NOTHING`,
    [scope.tenantId, JSON.stringify(rows)],
  );
  await scope.manager.query(`UPDATE tickets SET sla_breached = true WHERE tenant_id = $1 AND ticket_id = ANY($2::uuid[])`, [
    scope.tenantId,
    rows.map((row) => row.ticket_id),
  ]);
});
