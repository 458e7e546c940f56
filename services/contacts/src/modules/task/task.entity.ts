import { EntitySchema } from 'typeorm';
import type { TaskStatus } from '../../generated/graphql.js';

/** A follow-up on a customer. */
export interface TaskRow {
  id: string;
  tenantId: string;
  customerId: string;
  title: string;
  dueAt: Date | null;
  status: TaskStatus;
  assigneeId: string | null;
  reason: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export const TaskEntity = new EntitySchema<TaskRow>({
  name: 'Task',
  tableName: 'tasks',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    title: { type: 'text' },
    dueAt: { name: 'due_at', type: 'timestamptz', nullable: true },
    status: { type: 'text' },
    assigneeId: { name: 'assignee_id', type: 'uuid', nullable: true },
    reason: { type: 'text', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    completedAt: { name: 'completed_at', type: 'timestamptz', nullable: true },
  },
});
