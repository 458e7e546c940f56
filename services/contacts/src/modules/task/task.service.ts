import { randomUUID } from 'node:crypto';
import { badInput, isUuid, notFound, requireRole, withTenant, type AuthContext } from '@rapport/service-kit';
import { TaskCompletedV1, TaskCreatedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import { In, type DataSource } from 'typeorm';
import type { CompleteTaskInput, CreateTaskInput } from '../../generated/graphql.js';
import { READERS, WRITERS } from '../../roles.js';
import { CONTACTS_PRODUCER, lockCustomer } from '../customer/customer.service.js';
import { optionalMemberId, requireText } from '../customer/customer.validation.js';
import { TaskEntity } from './task.entity.js';
import { toTaskCompletedPayload, toTaskCreatedPayload } from './task.events.js';
import { toTaskModel, type TaskModel } from './task.model.js';

export class TaskService {
  constructor(private readonly dataSource: DataSource) {}

  async create(auth: AuthContext, input: CreateTaskInput): Promise<TaskModel> {
    requireRole(auth, WRITERS);
    const dueAt = input.dueAt === null || input.dueAt === undefined ? null : new Date(input.dueAt);
    if (dueAt && Number.isNaN(dueAt.getTime())) throw badInput('dueAt', 'dueAt must be an ISO-8601 date-time');
    const values = {
      id: randomUUID(),
      title: requireText(input.title, 'title'),
      dueAt,
      status: 'OPEN' as const,
      assigneeId: optionalMemberId(input.assigneeId, 'assigneeId'),
      reason: null,
      createdAt: new Date(),
      completedAt: null,
    };
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const customer = await lockCustomer(scope, input.customerId);
      const tasks = scope.repository(TaskEntity);
      const saved = await tasks.insert(tasks.create({ ...values, customerId: customer.id }));
      await recordEvent(scope.manager, CONTACTS_PRODUCER, TaskCreatedV1, {
        tenantId: scope.tenantId,
        customerId: customer.id,
        payload: toTaskCreatedPayload(saved),
        occurredAt: saved.createdAt,
      });
      return toTaskModel(saved);
    });
  }

  /** Completing a done task changes nothing: retries are safe. */
  async complete(auth: AuthContext, input: CompleteTaskInput): Promise<TaskModel> {
    requireRole(auth, WRITERS);
    if (!isUuid(input.id)) throw notFound('task', input.id);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const tasks = scope.repository(TaskEntity);
      const task = await tasks.queryBuilder('task').andWhere('task.id = :id', { id: input.id }).setLock('pessimistic_write').getOne();
      if (!task) throw notFound('task', input.id);
      if (task.status === 'DONE') return toTaskModel(task);
      const completedAt = new Date();
      task.status = 'DONE';
      task.completedAt = completedAt;
      const saved = await tasks.save(task);
      await recordEvent(scope.manager, CONTACTS_PRODUCER, TaskCompletedV1, {
        tenantId: scope.tenantId,
        customerId: saved.customerId,
        payload: toTaskCompletedPayload({ ...saved, completedAt }),
        occurredAt: completedAt,
      });
      return toTaskModel(saved);
    });
  }

  /** The tasks of many customers in one query (Customer.tasks loader); status is filtered by the caller. */
  async forCustomers(auth: AuthContext, customerIds: readonly string[]): Promise<TaskModel[]> {
    requireRole(auth, READERS);
    const ids = customerIds.filter(isUuid);
    if (ids.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (await scope.repository(TaskEntity).find({ where: { customerId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } })).map(
        toTaskModel,
      ),
    );
  }
}
