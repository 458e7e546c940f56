import { TicketResolvedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/** TicketResolved -> resolution time, reopen count and whether an SLA target was missed. */
export const ticketResolvedHandler = onBatch(TicketResolvedV1, async (events, scope) => {
  await scope.manager.query(
    `INSERT INTO tickets (tenant_id, ticket_id, customer_id, priority, status, opened_at, first_response_at, resolved_at, reopen_count, sla_breached)
     SELECT $1, r.ticket_id, r.customer_id, r.priority, 'RESOLVED', r.opened_at, r.first_response_at, r.resolved_at, r.reopen_count, r.sla_breached
       FROM jsonb_to_recordset($2::jsonb)
         AS r(ticket_id uuid, customer_id uuid, priority text, opened_at timestamptz, first_response_at timestamptz, resolved_at timestamptz, reopen_count int, sla_breached boolean)
     ON CONFLICT (tenant_id, ticket_id) DO UPDATE
       SET status = 'RESOLVED', resolved_at = excluded.resolved_at, reopen_count = excluded.reopen_count,
           first_response_at = coalesce(tickets.first_response_at, excluded.first_response_at),
           sla_breached = tickets.sla_breached OR excluded.sla_breached`,
    [
      scope.tenantId,
      JSON.stringify(
        events.map(({ customerId, payload }) => ({
          ticket_id: payload.ticketId,
          customer_id: customerId,
          priority: payload.priority,
          opened_at: payload.openedAt,
          first_response_at: payload.firstResponseAt,
          resolved_at: payload.resolvedAt,
          reopen_count: payload.reopenCount,
          sla_breached: payload.slaBreached,
        })),
      ),
    ],
  );
});
