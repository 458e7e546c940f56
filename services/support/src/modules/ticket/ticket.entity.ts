import { EntitySchema } from 'typeorm';

export type TicketPriority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export type TicketStatus = 'NEW' | 'OPEN' | 'PENDING' | 'RESOLVED' | 'CLOSED';

/** A stored pause: ISO instants, `end` null while it lasts. */
export interface StoredPause {
  start: string;
  end: string | null;
}

export interface TicketRow {
  id: string;
  tenantId: string;
  customerId: string;
  subject: string;
  description: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  channel: string;
  assigneeId: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  pauses: StoredPause[];
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseBreachPublishedAt: Date | null;
  resolutionBreachPublishedAt: Date | null;
}

export const TicketEntity = new EntitySchema<TicketRow>({
  name: 'Ticket',
  tableName: 'tickets',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    subject: { type: 'text' },
    description: { type: 'text', nullable: true },
    priority: { type: 'text' },
    status: { type: 'text' },
    channel: { type: 'text' },
    assigneeId: { name: 'assignee_id', type: 'uuid', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    lastActivityAt: { name: 'last_activity_at', type: 'timestamptz' },
    firstResponseAt: { name: 'first_response_at', type: 'timestamptz', nullable: true },
    resolvedAt: { name: 'resolved_at', type: 'timestamptz', nullable: true },
    closedAt: { name: 'closed_at', type: 'timestamptz', nullable: true },
    reopenCount: { name: 'reopen_count', type: 'int' },
    pauses: { type: 'jsonb' },
    firstResponseDueAt: { name: 'first_response_due_at', type: 'timestamptz', nullable: true },
    resolutionDueAt: { name: 'resolution_due_at', type: 'timestamptz', nullable: true },
    firstResponseBreachPublishedAt: { name: 'first_response_breach_published_at', type: 'timestamptz', nullable: true },
    resolutionBreachPublishedAt: { name: 'resolution_breach_published_at', type: 'timestamptz', nullable: true },
  },
});

export interface TicketCommentRow {
  id: string;
  tenantId: string;
  ticketId: string;
  authorId: string;
  body: string;
  public: boolean;
  createdAt: Date;
}

export const TicketCommentEntity = new EntitySchema<TicketCommentRow>({
  name: 'TicketComment',
  tableName: 'ticket_comments',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    ticketId: { name: 'ticket_id', type: 'uuid' },
    authorId: { name: 'author_id', type: 'text' },
    body: { type: 'text' },
    public: { type: 'boolean' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
});
