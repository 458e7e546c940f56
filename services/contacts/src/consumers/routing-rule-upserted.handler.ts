import { RoutingRuleUpsertedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';

/** RoutingRuleUpserted -> contacts' copy of the lead routing rules; the latest `updatedAt` wins. */
export const routingRuleUpsertedHandler = on(RoutingRuleUpsertedV1, async (event, scope) => {
  const rule = event.payload;
  await scope.manager.query(
    `INSERT INTO routing_rules (tenant_id, id, name, priority, country, industry, source, skill, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant_id, id) DO UPDATE
       SET name = excluded.name, priority = excluded.priority, country = excluded.country, industry = excluded.industry,
           source = excluded.source, skill = excluded.skill, updated_at = excluded.updated_at
     WHERE routing_rules.updated_at <= excluded.updated_at`,
    [scope.tenantId, rule.ruleId, rule.name, rule.priority, rule.country, rule.industry, rule.source, rule.skill, rule.createdAt, rule.updatedAt],
  );
});
