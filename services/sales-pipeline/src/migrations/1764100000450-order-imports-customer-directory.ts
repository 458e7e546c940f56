import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imported orders keep the id they had in the system they came from (re-imports update them),
 * and this service keeps its own directory of customers, learnt from contacts' events and from
 * imports, to resolve a row's customer external id or email without reading contacts' database.
 */
export class OrderImportsCustomerDirectory1764100000450 implements MigrationInterface {
  name = 'OrderImportsCustomerDirectory1764100000450';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE orders ADD COLUMN external_id text`);
    await runner.query(`CREATE UNIQUE INDEX orders_tenant_external_id_idx ON orders (tenant_id, external_id) WHERE external_id IS NOT NULL`);
    // origin: 'contacts' when learnt from a contacts event, 'import' when minted here by an
    // import and not yet confirmed by contacts. survivor_id: set once merged into another.
    await runner.query(`
      CREATE TABLE customer_directory (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        external_id text,
        email text,
        origin text NOT NULL CHECK (origin IN ('contacts', 'import')),
        survivor_id uuid,
        erased_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, customer_id)
      )`);
    await runner.query(`CREATE INDEX customer_directory_external_id_idx ON customer_directory (tenant_id, external_id) WHERE external_id IS NOT NULL`);
    await runner.query(`CREATE INDEX customer_directory_email_idx ON customer_directory (tenant_id, email) WHERE email IS NOT NULL`);
    await runner.query(`CREATE INDEX customer_directory_survivor_idx ON customer_directory (tenant_id, survivor_id) WHERE survivor_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE customer_directory`);
    await runner.query(`DROP INDEX orders_tenant_external_id_idx`);
    await runner.query(`ALTER TABLE orders DROP COLUMN external_id`);
  }
}
