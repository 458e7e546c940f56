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
import { recordEvents } from '@rapport/messaging';
import type { DataSource } from 'typeorm';
import type { RecordInteractionInput } from '../../generated/graphql.js';
import { eachItem, listItems, singleItem, type ItemPath } from '../../bulk.js';
import { READERS, WRITERS } from '../../roles.js';
import { CONTACTS_PRODUCER, lockCustomersOf } from '../customer/customer.service.js';
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
    const [interaction] = await this.write(auth, [input], singleItem);
    return interaction!;
  }

  /** Many interactions, all or none, each as `record` writes one; in the order given. */
  recordAll(auth: AuthContext, inputs: readonly RecordInteractionInput[]): Promise<InteractionModel[]> {
    requireRole(auth, WRITERS);
    return this.write(auth, inputs, listItems('interactions', inputs));
  }

  /** One transaction for any number of interactions: one INSERT, one outbox statement. */
  private async write(auth: AuthContext, inputs: readonly RecordInteractionInput[], path: ItemPath): Promise<InteractionModel[]> {
    const now = new Date();
    const values = eachItem(inputs, path, (input) => {
      const feature = optionalText(input.feature, 'feature', 200);
      if (input.kind === 'PRODUCT_USAGE' && feature === null) throw badInput('feature', 'product usage names the feature used');
      return {
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
    });
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const customers = await lockCustomersOf(
        scope,
        inputs.map((input) => input.customerId),
        path,
      );
      const interactions = scope.repository(InteractionEntity);
      const saved = await interactions.insertAll(values.map((row, index) => interactions.create({ ...row, customerId: customers[index]!.id })));
      await recordEvents(
        scope.manager,
        CONTACTS_PRODUCER,
        InteractionRecordedV1,
        saved.map((row) => ({
          tenantId: scope.tenantId,
          customerId: row.customerId,
          payload: toInteractionRecordedPayload(row),
          occurredAt: row.occurredAt,
        })),
      );
      return saved.map(toInteractionModel);
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
