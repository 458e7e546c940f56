import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LifecycleAutomation1764300000000 implements MigrationInterface {
  name = 'LifecycleAutomation1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    // What contacts learns from sales-pipeline's events to tell a first purchase (RETENTION) from
    // an upsell to an existing customer (EXPANSION). Kept per id as the event named it: a merged
    // id's facts count for its survivor through customer_merges, so a merge rewrites nothing here.
    await runner.query(`
      CREATE TABLE customer_purchase_facts (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        first_won_deal_at timestamptz,
        first_paid_order_at timestamptz,
        PRIMARY KEY (tenant_id, customer_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE customer_purchase_facts`);
  }
}
