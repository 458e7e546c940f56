import { CustomersMergedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';

/** Every table of this service that belongs to a customer. */
const CUSTOMER_TABLES = ['deals', 'orders', 'subscriptions', 'mrr_movements', 'leads'] as const;

/**
 * CustomersMerged -> this service's rows of the merged ids belong to the survivor: deals, orders
 * (with their lines and payments, which hang off the order), subscriptions, the MRR ledger and
 * converted leads. Re-pointing is idempotent, so a redelivery past the inbox changes nothing.
 */
export const customersMergedHandler = on(CustomersMergedV1, async (event, scope) => {
  const { survivorId, mergedIds } = event.payload;
  for (const table of CUSTOMER_TABLES) {
    await scope.manager.query(`UPDATE ${table} SET customer_id = $2 WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[])`, [
      scope.tenantId,
      survivorId,
      mergedIds,
    ]);
  }
});
