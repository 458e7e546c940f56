import { CustomersMergedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { refreshCustomerPurchases } from './customer-purchases.js';
import { refreshKpiFacts } from './kpi-facts.js';
import { repointToSurvivor } from './merge-read-models.js';

/**
 * CustomersMerged -> the merged customers' orders belong to the survivor: orders and order lines
 * re-pointed, the purchase facts of everyone involved recomputed, and the merged ids kept as
 * aliases of the survivor (a later merge of the survivor carries them along), so that orders
 * of a merged id applied after the merge still count for the survivor.
 */
export const customersMergedHandler = onBatch(CustomersMergedV1, async (events, scope) => {
  // In order: a merge may name the survivor of an earlier one in the same batch.
  for (const event of events) {
    const survivorId = event.payload.survivorId;
    const mergedIds = event.payload.mergedIds.filter((id) => id !== survivorId);
    if (mergedIds.length === 0) continue;
    await scope.manager.query(
      `UPDATE customer_aliases SET survivor_id = $2 WHERE tenant_id = $1 AND survivor_id = ANY($3::uuid[])`,
      [scope.tenantId, survivorId, mergedIds],
    );
    await scope.manager.query(
      `INSERT INTO customer_aliases (tenant_id, merged_id, survivor_id, merged_at)
       SELECT $1, merged_id, $2::uuid, $4::timestamptz FROM unnest($3::uuid[]) AS merged_id
       ON CONFLICT (tenant_id, merged_id) DO UPDATE SET survivor_id = excluded.survivor_id, merged_at = excluded.merged_at`,
      [scope.tenantId, survivorId, mergedIds, event.payload.mergedAt],
    );
    await scope.manager.query(`UPDATE orders SET customer_id = $2 WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[])`, [scope.tenantId, survivorId, mergedIds]);
    await scope.manager.query(`UPDATE order_lines SET customer_id = $2 WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[])`, [scope.tenantId, survivorId, mergedIds]);
    await refreshCustomerPurchases(scope, [survivorId, ...mergedIds], event.occurredAt);
    await repointToSurvivor(scope, survivorId, mergedIds);
    // Again now that the subscriptions moved too.
    await refreshKpiFacts(scope, [survivorId, ...mergedIds]);
  }
});
