import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomerMetrics1732300000000 implements MigrationInterface {
  name = 'CreateCustomerMetrics1732300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE customer_metrics (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        health_score double precision NOT NULL DEFAULT 50 CHECK (health_score BETWEEN 0 AND 100),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, customer_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE customer_metrics`);
  }
}
