import type { TenantScope } from '@rapport/service-kit';

/**
 * The owner of a new customer that has none, by the rules sales-pipeline routes leads with
 * (copied here from RoutingRuleUpserted): the first rule by priority whose country, industry and
 * source match (a rule's empty criterion matches anything; text compared case-insensitively)
 * and that has an eligible member wins. Eligible: available, with the rule's skill, and the
 * customer's country among its territories (or no territories). Among them the least open load
 * wins (customers it owns still in ACQUISITION or NURTURING, as open leads are for leads), then
 * the longest since its last new customer. Null when no rule matches: the customer stays unowned.
 */
export async function routeCustomerOwner(
  scope: TenantScope,
  customer: { country: string | null; industry: string | null; source: string | null },
): Promise<string | null> {
  // A tenant without rules (most, and every import-sized burst) takes no lock.
  const [rules]: { any: boolean }[] = await scope.manager.query(`SELECT EXISTS (SELECT 1 FROM routing_rules WHERE tenant_id = $1) AS any`, [scope.tenantId]);
  if (!rules?.any) return null;
  // One routing at a time per tenant, so two customers created together see each other's load.
  await scope.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`customer-routing:${scope.tenantId}`]);
  const [owner]: { id: string }[] = await scope.manager.query(
    `SELECT chosen.id
       FROM (SELECT rule.priority, rule.created_at, rule.id, rule.skill
               FROM routing_rules rule
              WHERE rule.tenant_id = $1
                AND (rule.country IS NULL OR rule.country = $2)
                AND (rule.industry IS NULL OR lower(rule.industry) = lower($3))
                AND (rule.source IS NULL OR lower(rule.source) = lower($4))) rule
       CROSS JOIN LATERAL (
         SELECT member.id
           FROM members member
           LEFT JOIN LATERAL (
             SELECT count(*) FILTER (WHERE owned.lifecycle_stage IN ('ACQUISITION', 'NURTURING')) AS open_load,
                    max(owned.created_at) AS last_assigned_at
               FROM customers owned
              WHERE owned.tenant_id = member.tenant_id AND owned.owner_id = member.id
           ) load ON true
          WHERE member.tenant_id = $1 AND member.available
            AND (rule.skill IS NULL OR rule.skill = ANY(member.skills))
            AND ($2::text IS NULL OR cardinality(member.territories) = 0 OR $2::text = ANY(member.territories))
          ORDER BY load.open_load ASC, load.last_assigned_at ASC NULLS FIRST, member.id ASC
          LIMIT 1
       ) chosen
      ORDER BY rule.priority ASC, rule.created_at ASC, rule.id ASC
      LIMIT 1`,
    [scope.tenantId, customer.country, customer.industry, customer.source],
  );
  return owner?.id ?? null;
}
