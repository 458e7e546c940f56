import { randomUUID } from 'node:crypto';
import {
  badInput,
  decodeCursor,
  pageSize,
  requireRole,
  toConnection,
  withTenant,
  type AuthContext,
  type Connection,
} from '@rapport/service-kit';
import { InteractionRecordedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import type { DataSource } from 'typeorm';
import type { RecordInteractionInput } from '../../generated/graphql.js';
import { READERS, WRITERS } from '../../roles.js';
import { CONTACTS_PRODUCER, lockCustomer } from '../customer/customer.service.js';
import { optionalText } from '../customer/customer.validation.js';
import { InteractionEntity } from './interaction.entity.js';
import { toInteractionRecordedPayload } from './interaction.events.js';
import { toInteractionModel, type InteractionModel } from './interaction.model.js';

function toInstant(value: Date | string | null | undefined, field: string): Date | null {
  if (value === null || value === undefined) return null;
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) throw badInput(field, `${field} must be an ISO-8601 date-time`);
  return instant;
}

export class InteractionService {
  constructor(private readonly dataSource: DataSource) {}

  async record(auth: AuthContext, input: RecordInteractionInput): Promise<InteractionModel> {
    requireRole(auth, WRITERS);
    const feature = optionalText(input.feature, 'feature', 200);
    if (input.kind === 'PRODUCT_USAGE' && feature === null) throw badInput('feature', 'product usage names the feature used');
    const now = new Date();
    const values = {
      id: randomUUID(),
      kind: input.kind,
      occurredAt: toInstant(input.occurredAt, 'occurredAt') ?? now,
      summary: optionalText(input.summary, 'summary', 10_000),
      feature,
      memberId: auth.memberId,
      fromStage: null,
      toStage: null,
      createdAt: now,
    };
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const customer = await lockCustomer(scope, input.customerId);
      const interactions = scope.repository(InteractionEntity);
      const saved = await interactions.insert(interactions.create({ ...values, customerId: customer.id }));
      await recordEvent(scope.manager, CONTACTS_PRODUCER, InteractionRecordedV1, {
        tenantId: scope.tenantId,
        customerId: customer.id,
        payload: toInteractionRecordedPayload(saved),
        occurredAt: saved.occurredAt,
      });
      return toInteractionModel(saved);
    });
  }

  /** The timeline of one customer, newest first, keyset-paginated on (occurredAt, id). */
  async timeline(
    auth: AuthContext,
    customerId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<InteractionModel>> {
    requireRole(auth, READERS);
    const limit = pageSize(first);
    const position = decodeCursor(after);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const interactions = scope.repository(InteractionEntity);
      const page = interactions
        .queryBuilder('interaction')
        .andWhere('interaction.customerId = :customerId', { customerId })
        .orderBy('interaction.occurredAt', 'DESC')
        .addOrderBy('interaction.id', 'DESC');
      if (position) {
        page.andWhere('(interaction.occurredAt, interaction.id) < (:occurredAt, :id)', {
          occurredAt: position.sortValue,
          id: position.id,
        });
      }
      const [rows, totalCount] = await Promise.all([page.take(limit + 1).getMany(), interactions.count({ customerId })]);
      return toConnection(
        rows,
        limit,
        totalCount,
        (row) => ({ sortValue: row.occurredAt.toISOString(), id: row.id }),
        toInteractionModel,
      );
    });
  }
}
