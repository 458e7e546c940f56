import type { PayloadOf, SlaBreachedV1 } from '@rapport/events';
import type { TicketRow } from '../ticket/ticket.entity.js';
import type { SlaTarget } from './sla-clock.js';

export function toSlaBreachedPayload(
  ticket: Pick<TicketRow, 'id' | 'priority'>,
  target: SlaTarget,
  targetMinutes: number,
  dueAt: Date,
  detectedAt: Date,
): PayloadOf<typeof SlaBreachedV1> {
  return {
    ticketId: ticket.id,
    target,
    priority: ticket.priority,
    targetMinutes,
    dueAt: dueAt.toISOString(),
    detectedAt: detectedAt.toISOString(),
  };
}
