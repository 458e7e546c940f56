import type { PayloadOf, TaskCompletedV1, TaskCreatedV1 } from '@rapport/events';
import type { TaskRow } from './task.entity.js';

/** The title stays out: free text may hold personal data, and events outlive erasure. */
export function toTaskCreatedPayload(row: TaskRow): PayloadOf<typeof TaskCreatedV1> {
  return {
    taskId: row.id,
    dueAt: row.dueAt?.toISOString() ?? null,
    assigneeId: row.assigneeId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toTaskCompletedPayload(row: TaskRow & { completedAt: Date }): PayloadOf<typeof TaskCompletedV1> {
  return { taskId: row.id, completedAt: row.completedAt.toISOString() };
}
