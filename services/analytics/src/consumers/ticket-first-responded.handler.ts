import { TicketFirstRespondedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/** TicketFirstResponded -> the first response time of the ticket (response time = respondedAt - openedAt). */
export const ticketFirstRespondedHandler = onBatch(TicketFirstRespondedV1, async (events, scope) => {
  await scope.manager.query(
    `INSERT INTO tickets (tenant_id, ticket_id, customer_id, priority, status, opened_at, first_response_at)
     SELECT $1, r.ticket_id, r.customer_id, r.priority, 'OPEN', r.opened_at, r.responded_at
       FROM jsonb_to_recordset($2::jsonb) AS r(ticket_id uuid, customer_id uuid, priority text, opened_at timestamptz, responded_at timestamptz)
     ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET first_response_at = excluded.first_response_at`,
    [
      scope.tenantId,
      JSON.stringify(
        events.map(({ customerId, payload }) => ({
          ticket_id: payload.ticketId,
          customer_id: customerId,
          priority: payload.priority,
          opened_at: payload.openedAt,
          responded_at: payload.respondedAt,
        })),
      ),
    ],
  );
});
