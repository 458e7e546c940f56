import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FieldDefinitions1764000000000 implements MigrationInterface {
  name = 'FieldDefinitions1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE field_definitions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('STRING', 'NUMBER', 'BOOLEAN', 'DATE')),
        owning_team text NOT NULL,
        required boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, name)
      )`);
    // The tag filter of `customers` tests array containment.
    await runner.query(`CREATE INDEX customers_tags_idx ON customers USING gin (tags)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX customers_tags_idx`);
    await runner.query(`DROP TABLE field_definitions`);
  }
}
