import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChurnRisk1732300000800 implements MigrationInterface {
  name = 'ChurnRisk1732300000800';

  async up(runner: QueryRunner): Promise<void> {
    // A tenant's own weights and thresholds; without a row the documented defaults apply.
    await runner.query(`
      CREATE TABLE churn_risk_settings (
        tenant_id uuid PRIMARY KEY,
        weights jsonb NOT NULL,
        medium_threshold double precision NOT NULL,
        high_threshold double precision NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text
      )`);
    // Where a value quadrant is split; null: at the tenant's median.
    await runner.query(`
      CREATE TABLE value_segment_settings (
        tenant_id uuid PRIMARY KEY,
        current_value_threshold numeric(16, 2),
        potential_value_threshold numeric(16, 2),
        updated_at timestamptz NOT NULL,
        updated_by text
      )`);
    // The latest score of each customer: the level here is what a change is measured against.
    await runner.query(`
      CREATE TABLE customer_churn_risk (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        score double precision NOT NULL CHECK (score BETWEEN 0 AND 100),
        level text NOT NULL CHECK (level IN ('LOW', 'MEDIUM', 'HIGH')),
        signals jsonb NOT NULL,
        as_of timestamptz NOT NULL,
        computed_at timestamptz NOT NULL,
        level_changed_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, customer_id)
      )`);
    await runner.query(`CREATE INDEX customer_churn_risk_by_level ON customer_churn_risk (tenant_id, level, score DESC, customer_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE customer_churn_risk`);
    await runner.query(`DROP TABLE value_segment_settings`);
    await runner.query(`DROP TABLE churn_risk_settings`);
  }
}
