import { TicketStatusChangedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/**
 * TicketStatusChanged -> the ticket's current status (open urgent tickets are a churn signal).
 * A reopened ticket is no longer resolved.
 */
export const ticketStatusChangedHandler = onBatch(TicketStatusChangedV1, async (events, scope) => {
  for (const { payload } of events) {
    await scope.manager.query(
      `UPDATE tickets SET status = $3, resolved_at = CASE WHEN $3 IN ('RESOLVED', 'CLOSED') THEN coalesce(resolved_at, $4::timestamptz) ELSE NULL END
        WHERE tenant_id = $1 AND ticket_id = $2`,
      [scope.tenantId, payload.ticketId, payload.toStatus, payload.changedAt],
    );
  }
});
