import { randomUUID } from 'node:crypto';
import { SubscriptionChangedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import { badInput, isUuid, notFound, requireRole, withTenant, type AuthContext, type TenantScope } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { ChangeSubscriptionInput, EndSubscriptionInput, StartSubscriptionInput } from '../../generated/graphql.js';
import { centsOf, normaliseCurrency, toCents, toNumeric, type Cents } from '../../money.js';
import { READERS, WRITERS } from '../../roles.js';
import { dateOr, requireUuid } from '../../validation.js';
import { SALES_PRODUCER } from '../../producer.js';
import { ProductEntity } from '../product/product.entity.js';
import { MrrMovementEntity, SubscriptionEntity, type MrrMovementKind, type SubscriptionRow } from './subscription.entity.js';
import { monthOf, toSubscriptionChangedPayload, type MrrMovement } from './subscription.events.js';
import { toSubscriptionModel, type SubscriptionModel } from './subscription.model.js';

interface CustomerMrr {
  /** MRR of the customer's other subscriptions active at the movement's time. */
  othersCents: Cents;
  currency: string | null;
  /** Whether the customer ever had another subscription that started by then (reactivation). */
  hadBefore: boolean;
}

export class SubscriptionService {
  constructor(private readonly dataSource: DataSource) {}

  async start(auth: AuthContext, input: StartSubscriptionInput): Promise<SubscriptionModel> {
    requireRole(auth, WRITERS);
    const customerId = requireUuid(input.customerId, 'customerId');
    if (!isUuid(input.productId)) throw badInput('productId', `unknown product ${input.productId}`);
    const mrrCents = input.mrr === null || input.mrr === undefined ? null : toCents(input.mrr, 'mrr');
    const requestedCurrency = input.currency === null || input.currency === undefined ? null : normaliseCurrency(input.currency);
    const now = new Date();
    const startedAt = dateOr(input.startedAt, now);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const product = await scope.repository(ProductEntity).findById(input.productId);
      if (!product) throw badInput('productId', `unknown product ${input.productId}`);
      if (!product.recurring) throw badInput('productId', 'a subscription needs a recurring product');
      const currency = requestedCurrency ?? product.currency.trim();
      const mrr = mrrCents ?? centsOf(product.priceAmount);
      if (mrr <= 0) throw badInput('mrr', 'mrr must be greater than zero');
      const before = await this.customerMrr(scope, customerId, null, startedAt);
      if (before.currency !== null && before.currency !== currency) {
        throw badInput('currency', `the customer's active subscriptions are in ${before.currency}`);
      }
      const subscriptions = scope.repository(SubscriptionEntity);
      const row = await subscriptions.insert(
        subscriptions.create({ id: randomUUID(), customerId, productId: product.id, mrr: toNumeric(mrr), currency, startedAt, endedAt: null, createdAt: now, updatedAt: now }),
      );
      const kind: MrrMovementKind = before.othersCents > 0 ? 'EXPANSION' : before.hadBefore ? 'REACTIVATION' : 'NEW';
      const subscription = toSubscriptionModel(row);
      await this.recordMovement(scope, subscription, {
        kind,
        subscriptionMrrBefore: 0,
        customerMrrBefore: before.othersCents,
        customerMrrAfter: before.othersCents + mrr,
        occurredAt: startedAt,
      });
      return subscription;
    });
  }

  /** A new MRR: higher is an expansion, lower a contraction, the same changes nothing. */
  async change(auth: AuthContext, input: ChangeSubscriptionInput): Promise<SubscriptionModel> {
    requireRole(auth, WRITERS);
    const mrr = toCents(input.mrr, 'mrr');
    const changedAt = dateOr(input.changedAt, new Date());
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const row = await this.lockActive(scope, input.subscriptionId, changedAt, 'changedAt');
      const previous = centsOf(row.mrr);
      if (mrr === previous) return toSubscriptionModel(row);
      const before = await this.customerMrr(scope, row.customerId, row.id, changedAt);
      row.mrr = toNumeric(mrr);
      row.updatedAt = new Date();
      await scope.manager.update(SubscriptionEntity, { id: row.id, tenantId: scope.tenantId }, { mrr: row.mrr, updatedAt: row.updatedAt });
      const subscription = toSubscriptionModel(row);
      await this.recordMovement(scope, subscription, {
        kind: mrr > previous ? 'EXPANSION' : 'CONTRACTION',
        subscriptionMrrBefore: previous,
        customerMrrBefore: before.othersCents + previous,
        customerMrrAfter: before.othersCents + mrr,
        occurredAt: changedAt,
      });
      return subscription;
    });
  }

  /** Ending the customer's last active subscription is churn; ending one of several, a contraction. */
  async end(auth: AuthContext, input: EndSubscriptionInput): Promise<SubscriptionModel> {
    requireRole(auth, WRITERS);
    const endedAt = dateOr(input.endedAt, new Date());
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const row = await this.lockActive(scope, input.subscriptionId, endedAt, 'endedAt');
      const previous = centsOf(row.mrr);
      const before = await this.customerMrr(scope, row.customerId, row.id, endedAt);
      row.endedAt = endedAt;
      row.updatedAt = new Date();
      await scope.manager.update(SubscriptionEntity, { id: row.id, tenantId: scope.tenantId }, { endedAt, updatedAt: row.updatedAt });
      const subscription = toSubscriptionModel(row);
      await this.recordMovement(scope, subscription, {
        kind: before.othersCents > 0 ? 'CONTRACTION' : 'CHURN',
        subscriptionMrrBefore: previous,
        customerMrrBefore: before.othersCents + previous,
        customerMrrAfter: before.othersCents,
        occurredAt: endedAt,
      });
      return subscription;
    });
  }

  /** The subscriptions of any number of customers in one query, newest first. */
  async forCustomers(auth: AuthContext, customerIds: readonly string[]): Promise<SubscriptionModel[]> {
    requireRole(auth, READERS);
    const ids = customerIds.filter(isUuid);
    if (ids.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (
        await scope
          .repository(SubscriptionEntity)
          .queryBuilder('subscription')
          .andWhere('subscription.customerId IN (:...ids)', { ids })
          .orderBy('subscription.startedAt', 'DESC')
          .addOrderBy('subscription.id', 'DESC')
          .getMany()
      ).map(toSubscriptionModel),
    );
  }

  private async lockActive(scope: TenantScope, id: string, at: Date, field: string): Promise<SubscriptionRow> {
    if (!isUuid(id)) throw notFound('subscription', id);
    const row = await scope
      .repository(SubscriptionEntity)
      .queryBuilder('subscription')
      .andWhere('subscription.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound('subscription', id);
    if (row.endedAt !== null) throw badInput('subscriptionId', 'the subscription has ended');
    if (at.getTime() < row.startedAt.getTime()) throw badInput(field, `${field} cannot precede the start of the subscription`);
    await this.lockCustomer(scope, row.customerId);
    return row;
  }

  /**
   * Movements are classified from the customer's other subscriptions, so two concurrent
   * writes for one customer run one after the other (a transaction-scoped advisory lock).
   */
  private async lockCustomer(scope: TenantScope, customerId: string): Promise<void> {
    await scope.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`subscriptions:${scope.tenantId}:${customerId}`]);
  }

  private async customerMrr(scope: TenantScope, customerId: string, excluding: string | null, at: Date): Promise<CustomerMrr> {
    await this.lockCustomer(scope, customerId);
    const [row] = (await scope.manager.query(
      `SELECT coalesce(sum(mrr) FILTER (WHERE ended_at IS NULL OR ended_at > $4), 0)::text AS others,
              min(currency) FILTER (WHERE ended_at IS NULL OR ended_at > $4) AS currency,
              count(*) > 0 AS had_before
         FROM subscriptions
        WHERE tenant_id = $1 AND customer_id = $2 AND ($3::uuid IS NULL OR id <> $3::uuid) AND started_at <= $4`,
      [scope.tenantId, customerId, excluding, at],
    )) as { others: string; currency: string | null; had_before: boolean }[];
    return { othersCents: centsOf(row?.others ?? '0'), currency: row?.currency?.trim() ?? null, hadBefore: row?.had_before ?? false };
  }

  /** The ledger row and its event, in the transaction of the change. */
  private async recordMovement(scope: TenantScope, subscription: SubscriptionModel, movement: MrrMovement): Promise<void> {
    const movements = scope.repository(MrrMovementEntity);
    await movements.insert(
      movements.create({
        id: randomUUID(),
        customerId: subscription.customerId,
        subscriptionId: subscription.id,
        month: `${monthOf(movement.occurredAt)}-01`,
        kind: movement.kind,
        amount: toNumeric(movement.customerMrrAfter - movement.customerMrrBefore),
        customerMrrBefore: toNumeric(movement.customerMrrBefore),
        customerMrrAfter: toNumeric(movement.customerMrrAfter),
        currency: subscription.currency,
        occurredAt: movement.occurredAt,
      }),
    );
    await recordEvent(scope.manager, SALES_PRODUCER, SubscriptionChangedV1, {
      tenantId: scope.tenantId,
      customerId: subscription.customerId,
      payload: toSubscriptionChangedPayload(subscription, movement),
      occurredAt: movement.occurredAt,
    });
  }
}
