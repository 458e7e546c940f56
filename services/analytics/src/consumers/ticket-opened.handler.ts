import { TicketOpenedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/** TicketOpened -> the ticket's priority, channel and opening time (subject and description are never published). */
export const ticketOpenedHandler = onBatch(TicketOpenedV1, async (events, scope) => {
  await scope.manager.query(
    `INSERT INTO tickets (tenant_id, ticket_id, customer_id, priority, channel, status, opened_at)
     SELECT $1, r.ticket_id, r.customer_id, r.priority, r.channel, r.status, r.opened_at
       FROM jsonb_to_recordset($2::jsonb) AS r(ticket_id uuid, customer_id uuid, priority text, channel text, status text, opened_at timestamptz)
     ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET priority = excluded.priority, channel = excluded.channel, opened_at = excluded.opened_at`,
    [
      scope.tenantId,
      JSON.stringify(
        events.map(({ customerId, payload }) => ({
          ticket_id: payload.ticketId,
          customer_id: customerId,
          priority: payload.priority,
          channel: payload.channel,
          status: payload.status,
          opened_at: payload.openedAt,
        })),
      ),
    ],
  );
});
