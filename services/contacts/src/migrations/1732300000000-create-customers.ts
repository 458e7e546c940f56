import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomers1732300000000 implements MigrationInterface {
  name = 'CreateCustomers1732300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) > 0),
        external_id text,
        kind text NOT NULL CHECK (kind IN ('BUSINESS', 'INDIVIDUAL')),
        email text,
        domain text,
        industry text,
        country char(2),
        lifecycle_stage text NOT NULL DEFAULT 'ACQUISITION'
          CHECK (lifecycle_stage IN ('ACQUISITION', 'NURTURING', 'RETENTION', 'EXPANSION', 'ADVOCACY')),
        owner_id uuid,
        tags text[] NOT NULL DEFAULT '{}',
        source text,
        custom_fields jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Keyset pagination walks (created_at, id) within one tenant.
    await runner.query(`CREATE INDEX customers_tenant_created_idx ON customers (tenant_id, created_at, id)`);
    await runner.query(
      `CREATE UNIQUE INDEX customers_tenant_external_id_idx ON customers (tenant_id, external_id) WHERE external_id IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE customers`);
  }
}
