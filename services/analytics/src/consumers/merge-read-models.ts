import type { TenantScope } from '@rapport/service-kit';

/**
 * CustomersMerged, for the read models other than orders: tickets, breaches, answers, deals,
 * subscriptions, converted leads and usage move to the survivor (usage adds up, first uses keep
 * the earliest). The MRR ledger keeps each movement under the customer it was recorded for:
 * its before/after values are per customer, and the tenant's MRR is their sum either way.
 */
export async function repointToSurvivor(scope: TenantScope, survivorId: string, mergedIds: string[]): Promise<void> {
  const parameters = [scope.tenantId, survivorId, mergedIds];
  for (const table of ['tickets', 'sla_breaches', 'survey_answers', 'deals', 'subscriptions', 'leads']) {
    await scope.manager.query(`UPDATE ${table} SET customer_id = $2::uuid WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[])`, parameters);
  }
  await scope.manager.query(
    `WITH moved AS (DELETE FROM usage_weeks WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[]) RETURNING week, kind, feature, interactions)
     INSERT INTO usage_weeks (tenant_id, customer_id, week, kind, feature, interactions)
     SELECT $1, $2::uuid, week, kind, feature, sum(interactions)::int FROM moved GROUP BY week, kind, feature
     ON CONFLICT (tenant_id, customer_id, week, kind, feature) DO UPDATE SET interactions = usage_weeks.interactions + excluded.interactions`,
    parameters,
  );
  await scope.manager.query(
    `WITH moved AS (DELETE FROM feature_first_use WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[]) RETURNING feature, first_used_at)
     INSERT INTO feature_first_use (tenant_id, customer_id, feature, first_used_at)
     SELECT $1, $2::uuid, feature, min(first_used_at) FROM moved GROUP BY feature
     ON CONFLICT (tenant_id, customer_id, feature) DO UPDATE SET first_used_at = least(feature_first_use.first_used_at, excluded.first_used_at)`,
    parameters,
  );
  await scope.manager.query(
    `UPDATE customers SET last_activity_at = (SELECT max(last_activity_at) FROM customers WHERE tenant_id = $1 AND (customer_id = $2 OR customer_id = ANY($3::uuid[])))
      WHERE tenant_id = $1 AND customer_id = $2`,
    parameters,
  );
  // A merged customer has no segment of its own any more; the next segmentation places the survivor.
  await scope.manager.query(`DELETE FROM customer_segments WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`, [scope.tenantId, mergedIds]);
}
