import { randomUUID } from 'node:crypto';
import { TaskCreatedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import type { TenantScope } from '@rapport/service-kit';
import { TaskEntity, type TaskRow } from './task.entity.js';
import { toTaskCreatedPayload } from './task.events.js';

/**
 * A task another service's event asks for (onboarding after a won deal, a survey follow-up),
 * written in the consumer's transaction with its TaskCreated, so the inbox that de-duplicates
 * the event also keeps the task from being created twice on redelivery.
 */
export async function createAutomaticTask(
  scope: TenantScope,
  task: { customerId: string; title: string; reason: string; assigneeId: string | null; dueAt: Date | null },
): Promise<TaskRow> {
  const tasks = scope.repository(TaskEntity);
  const saved = await tasks.insert(
    tasks.create({
      id: randomUUID(),
      customerId: task.customerId,
      title: task.title,
      dueAt: task.dueAt,
      status: 'OPEN',
      assigneeId: task.assigneeId,
      reason: task.reason,
      createdAt: new Date(),
      completedAt: null,
    }),
  );
  await recordEvent(scope.manager, 'contacts', TaskCreatedV1, {
    tenantId: scope.tenantId,
    customerId: saved.customerId,
    payload: toTaskCreatedPayload(saved),
    occurredAt: saved.createdAt,
  });
  return saved;
}
