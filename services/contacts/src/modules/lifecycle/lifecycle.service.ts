import { randomUUID } from 'node:crypto';
import { LifecycleStageChangedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import type { TenantScope } from '@rapport/service-kit';
import type { LifecycleStage } from '../../generated/graphql.js';
import { CustomerEntity, type CustomerRow } from '../customer/customer.entity.js';
import { InteractionEntity } from '../interaction/interaction.entity.js';

const CONTACTS_PRODUCER = 'contacts';

/** The lifecycle in the order a customer travels it (seed 001). */
export const LIFECYCLE_ORDER: readonly LifecycleStage[] = ['ACQUISITION', 'NURTURING', 'RETENTION', 'EXPANSION', 'ADVOCACY'];

/**
 * Automatic moves only go forward: an event never sends a customer back (a late OrderPaid must
 * not undo an ADVOCACY reached meanwhile, and a stage set by hand further on is kept). Moving
 * back is a person's decision, through setLifecycleStage.
 */
export function isForwardMove(from: LifecycleStage, to: LifecycleStage): boolean {
  return LIFECYCLE_ORDER.indexOf(to) > LIFECYCLE_ORDER.indexOf(from);
}

/**
 * Moves a customer (already locked by the caller) to `toStage`, in the caller's transaction:
 * the row, a NOTE on the timeline carrying from/to stages, and LifecycleStageChanged commit
 * together, so the timeline and the event never disagree. The same stage changes nothing.
 */
export async function changeLifecycleStage(
  scope: TenantScope,
  row: CustomerRow,
  move: { toStage: LifecycleStage; reason: string; changedBy: string | null; at: Date },
): Promise<CustomerRow> {
  const fromStage = row.lifecycleStage;
  if (fromStage === move.toStage) return row;
  const now = new Date();
  row.lifecycleStage = move.toStage;
  row.updatedAt = now;
  const saved = await scope.repository(CustomerEntity).save(row);
  const interactions = scope.repository(InteractionEntity);
  await interactions.insert(
    interactions.create({
      id: randomUUID(),
      customerId: saved.id,
      kind: 'NOTE',
      occurredAt: move.at,
      summary: move.reason === 'manual' ? `Lifecycle stage: ${fromStage} -> ${move.toStage}` : `Lifecycle stage: ${fromStage} -> ${move.toStage} (${move.reason})`,
      feature: null,
      memberId: move.changedBy,
      fromStage,
      toStage: move.toStage,
      createdAt: now,
    }),
  );
  await recordEvent(scope.manager, CONTACTS_PRODUCER, LifecycleStageChangedV1, {
    tenantId: scope.tenantId,
    customerId: saved.id,
    payload: { fromStage, toStage: move.toStage, reason: move.reason, changedBy: move.changedBy, changedAt: move.at.toISOString() },
    occurredAt: move.at,
  });
  return saved;
}

/** An automatic move, applied only if it goes forward (see isForwardMove). */
export async function advanceLifecycleStage(
  scope: TenantScope,
  row: CustomerRow,
  move: { toStage: LifecycleStage; reason: string; at: Date },
): Promise<CustomerRow> {
  if (!isForwardMove(row.lifecycleStage, move.toStage)) return row;
  return changeLifecycleStage(scope, row, { ...move, changedBy: null });
}

/**
 * The customer an event names, locked for the rest of the transaction: a merged id gives its
 * survivor. Null when contacts does not know the id in this tenant (the event is then ignored:
 * other services only learn customer ids from contacts, so this is a customer of another
 * tenant or a deleted test fixture, never one still to come).
 */
export async function lockEventCustomer(scope: TenantScope, customerId: string): Promise<CustomerRow | null> {
  return scope
    .repository(CustomerEntity)
    .queryBuilder('customer')
    .andWhere(
      `customer.id = coalesce((SELECT merge.survivor_id FROM customer_merges merge WHERE merge.tenant_id = :tenantId AND merge.merged_id = :customerId), :customerId)`,
      { customerId },
    )
    .setLock('pessimistic_write')
    .getOne();
}

export type PurchaseFact = 'WON_DEAL' | 'PAID_ORDER';

/**
 * Records that the customer won a deal or paid an order, and says whether it had bought before
 * (a won deal or a paid order, under its own id or an id merged into it), which is what makes a
 * won deal an upsell or cross-sell (EXPANSION) rather than a first purchase (RETENTION).
 */
export async function recordPurchaseFact(
  scope: TenantScope,
  customerId: string,
  fact: PurchaseFact,
  at: Date,
): Promise<{ hadPurchased: boolean }> {
  const [before]: { had: boolean }[] = await scope.manager.query(
    `SELECT EXISTS (
       SELECT 1 FROM customer_purchase_facts
        WHERE tenant_id = $1
          AND customer_id IN (SELECT $2::uuid UNION ALL SELECT merged_id FROM customer_merges WHERE tenant_id = $1 AND survivor_id = $2::uuid)
          AND (first_won_deal_at IS NOT NULL OR first_paid_order_at IS NOT NULL)
     ) AS had`,
    [scope.tenantId, customerId],
  );
  const column = fact === 'WON_DEAL' ? 'first_won_deal_at' : 'first_paid_order_at';
  await scope.manager.query(
    `INSERT INTO customer_purchase_facts (tenant_id, customer_id, ${column}) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET ${column} = least(coalesce(customer_purchase_facts.${column}, excluded.${column}), excluded.${column})`,
    [scope.tenantId, customerId, at],
  );
  return { hadPurchased: before?.had ?? false };
}
