import type { TaskStatus } from '../../generated/graphql.js';
import type { TaskRow } from './task.entity.js';

export interface TaskModel {
  id: string;
  customerId: string;
  title: string;
  dueAt: Date | null;
  status: TaskStatus;
  assigneeId: string | null;
  reason: string | null;
}

export function toTaskModel(row: TaskRow): TaskModel {
  return {
    id: row.id,
    customerId: row.customerId,
    title: row.title,
    dueAt: row.dueAt,
    status: row.status,
    assigneeId: row.assigneeId,
    reason: row.reason,
  };
}
