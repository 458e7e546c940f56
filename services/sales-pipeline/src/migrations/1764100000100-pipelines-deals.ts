import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pipelines with ordered stages, deals, and the stage history of every deal. */
export class PipelinesDeals1764100000100 implements MigrationInterface {
  name = 'PipelinesDeals1764100000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE pipelines (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one default pipeline per tenant, even when two first requests race to create it.
    await runner.query(`CREATE UNIQUE INDEX pipelines_one_default_per_tenant ON pipelines (tenant_id) WHERE is_default`);
    await runner.query(`
      CREATE TABLE stages (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        pipeline_id uuid NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
        name text NOT NULL,
        position integer NOT NULL,
        probability numeric(5, 4) NOT NULL CHECK (probability >= 0 AND probability <= 1),
        CONSTRAINT stages_pipeline_position_key UNIQUE (pipeline_id, position)
      )`);
    await runner.query(`CREATE INDEX stages_tenant_pipeline_idx ON stages (tenant_id, pipeline_id)`);
    await runner.query(`
      CREATE TABLE deals (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        title text NOT NULL,
        amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
        currency char(3) NOT NULL,
        pipeline_id uuid NOT NULL REFERENCES pipelines (id),
        stage_id uuid NOT NULL REFERENCES stages (id),
        status text NOT NULL CHECK (status IN ('OPEN', 'WON', 'LOST')),
        owner_id uuid,
        expected_close_at timestamptz,
        closed_at timestamptz,
        lost_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX deals_tenant_customer_idx ON deals (tenant_id, customer_id)`);
    await runner.query(`CREATE INDEX deals_tenant_created_idx ON deals (tenant_id, created_at DESC, id DESC)`);
    // Stage ids, not names: a renamed stage keeps its history, and history rows are never updated.
    await runner.query(`
      CREATE TABLE deal_stage_changes (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        deal_id uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
        from_stage_id uuid REFERENCES stages (id),
        to_stage_id uuid NOT NULL REFERENCES stages (id),
        changed_at timestamptz NOT NULL,
        changed_by text
      )`);
    await runner.query(`CREATE INDEX deal_stage_changes_tenant_deal_idx ON deal_stage_changes (tenant_id, deal_id, changed_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE deal_stage_changes`);
    await runner.query(`DROP TABLE deals`);
    await runner.query(`DROP TABLE stages`);
    await runner.query(`DROP TABLE pipelines`);
  }
}
