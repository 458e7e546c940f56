import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerRouting1764300000700 implements MigrationInterface {
  name = 'CustomerRouting1764300000700';

  async up(runner: QueryRunner): Promise<void> {
    // A copy of sales-pipeline's lead routing rules (RoutingRuleUpserted), by which a new
    // customer without an owner gets one. Sales-pipeline owns the rules.
    await runner.query(`
      CREATE TABLE routing_rules (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        name text NOT NULL,
        priority integer NOT NULL,
        country char(2),
        industry text,
        source text,
        skill text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    // Routing weighs each member's open load: the customers it owns that are not paying yet.
    await runner.query(`CREATE INDEX customers_tenant_owner_idx ON customers (tenant_id, owner_id) WHERE owner_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX customers_tenant_owner_idx`);
    await runner.query(`DROP TABLE routing_rules`);
  }
}
