import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClvModels1732300000700 implements MigrationInterface {
  name = 'CreateClvModels1732300000700';

  async up(runner: QueryRunner): Promise<void> {
    // One fitted model per tenant, replaced by each refit. Its calibration_end is the tenant's
    // reference time for predictions: stored and shown, never read from a clock.
    await runner.query(`
      CREATE TABLE clv_models (
        tenant_id uuid PRIMARY KEY,
        calibration_end timestamptz NOT NULL,
        fitted_at timestamptz NOT NULL,
        customers int NOT NULL,
        repeaters int NOT NULL,
        r double precision NOT NULL,
        alpha double precision NOT NULL,
        a double precision NOT NULL,
        b double precision NOT NULL,
        log_likelihood double precision NOT NULL,
        p double precision,
        q double precision,
        gamma double precision,
        spend_customers int NOT NULL DEFAULT 0,
        expected_lifespan_years double precision NOT NULL,
        currency text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE clv_models`);
  }
}
