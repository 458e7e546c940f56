import type { TicketCommentRow, TicketPriority, TicketRow, TicketStatus } from './ticket.entity.js';

/** What Ticket resolvers receive; the due times let `slaBreached` be computed as of the request. */
export interface TicketModel {
  id: string;
  customerId: string;
  subject: string;
  description: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  channel: string;
  assigneeId: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  pauses: TicketRow['pauses'];
}

export interface TicketCommentModel {
  id: string;
  ticketId: string;
  body: string;
  public: boolean;
  authorId: string;
  createdAt: Date;
}

export function toTicketModel(row: TicketRow): TicketModel {
  return {
    id: row.id,
    customerId: row.customerId,
    subject: row.subject,
    description: row.description,
    priority: row.priority,
    status: row.status,
    channel: row.channel,
    assigneeId: row.assigneeId,
    createdAt: row.createdAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    firstResponseDueAt: row.firstResponseDueAt,
    resolutionDueAt: row.resolutionDueAt,
    pauses: row.pauses,
  };
}

export function toTicketCommentModel(row: TicketCommentRow): TicketCommentModel {
  return { id: row.id, ticketId: row.ticketId, body: row.body, public: row.public, authorId: row.authorId, createdAt: row.createdAt };
}
