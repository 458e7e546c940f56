import type {
  PayloadOf,
  TicketAssignedV1,
  TicketFirstRespondedV1,
  TicketOpenedV1,
  TicketResolvedV1,
  TicketStatusChangedV1,
} from '@rapport/events';
import type { TicketRow, TicketStatus } from './ticket.entity.js';

// Subject, description and comment bodies stay out: free text may hold personal data.

export function toTicketOpenedPayload(row: TicketRow, openedBy: string): PayloadOf<typeof TicketOpenedV1> {
  return {
    ticketId: row.id,
    priority: row.priority,
    channel: row.channel,
    status: row.status,
    openedBy,
    openedAt: row.createdAt.toISOString(),
  };
}

export function toTicketStatusChangedPayload(
  row: TicketRow,
  fromStatus: TicketStatus,
  changedBy: string | null,
  changedAt: Date,
): PayloadOf<typeof TicketStatusChangedV1> {
  return { ticketId: row.id, fromStatus, toStatus: row.status, changedBy, changedAt: changedAt.toISOString() };
}

export function toTicketAssignedPayload(
  row: TicketRow,
  previousAssigneeId: string | null,
  assignedBy: string,
  assignedAt: Date,
): PayloadOf<typeof TicketAssignedV1> {
  return { ticketId: row.id, assigneeId: row.assigneeId, previousAssigneeId, assignedBy, assignedAt: assignedAt.toISOString() };
}

export function toTicketFirstRespondedPayload(row: TicketRow, responderId: string): PayloadOf<typeof TicketFirstRespondedV1> {
  return {
    ticketId: row.id,
    priority: row.priority,
    responderId,
    openedAt: row.createdAt.toISOString(),
    respondedAt: row.firstResponseAt!.toISOString(),
  };
}

export function toTicketResolvedPayload(row: TicketRow, resolvedBy: string, slaBreached: boolean): PayloadOf<typeof TicketResolvedV1> {
  return {
    ticketId: row.id,
    priority: row.priority,
    resolvedBy,
    openedAt: row.createdAt.toISOString(),
    firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt!.toISOString(),
    reopenCount: row.reopenCount,
    slaBreached,
  };
}
