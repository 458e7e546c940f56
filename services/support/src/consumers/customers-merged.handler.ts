import { CustomersMergedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';

/** Tables whose rows belong to a customer (comments follow their ticket). */
const CUSTOMER_TABLES = ['tickets', 'survey_invitations', 'survey_responses', 'contact_consents'] as const;

/**
 * CustomersMerged -> tickets, invitations, answers and consents of the merged ids belong to the
 * survivor, and its first purchase is the earliest of them all, so the 30-day and NPS rules
 * then count the merged history as one customer's.
 */
export const customersMergedHandler = on(CustomersMergedV1, async (event, scope) => {
  const { survivorId, mergedIds } = event.payload;
  const params = [scope.tenantId, survivorId, mergedIds];
  for (const table of CUSTOMER_TABLES) {
    await scope.manager.query(`UPDATE ${table} SET customer_id = $2 WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[])`, params);
  }
  await scope.manager.query(
    `WITH merged AS (
       DELETE FROM customer_first_purchases WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[]) RETURNING first_paid_at
     )
     INSERT INTO customer_first_purchases (tenant_id, customer_id, first_paid_at)
     SELECT $1, $2, min(first_paid_at) FROM merged HAVING count(*) > 0
     ON CONFLICT (tenant_id, customer_id) DO UPDATE SET first_paid_at = least(customer_first_purchases.first_paid_at, excluded.first_paid_at)`,
    params,
  );
});
