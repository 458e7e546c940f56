import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerMergesAndErasure1764000000300 implements MigrationInterface {
  name = 'CustomerMergesAndErasure1764000000300';

  async up(runner: QueryRunner): Promise<void> {
    // A merged id keeps answering with its survivor; chains are flattened on each merge.
    await runner.query(`
      CREATE TABLE customer_merges (
        tenant_id uuid NOT NULL,
        merged_id uuid NOT NULL,
        survivor_id uuid NOT NULL REFERENCES customers (id),
        merged_at timestamptz NOT NULL DEFAULT now(),
        merged_by text,
        PRIMARY KEY (tenant_id, merged_id)
      )`);
    await runner.query(`CREATE INDEX customer_merges_survivor_idx ON customer_merges (tenant_id, survivor_id)`);
    await runner.query(`ALTER TABLE customers ADD COLUMN erased_at timestamptz`);
    // duplicateCustomers compares names within a country; the trigram index keeps that a lookup, not a cross join.
    await runner.query(`CREATE INDEX customers_name_trgm_idx ON customers USING gin (lower(name) gin_trgm_ops)`);
    await runner.query(`CREATE INDEX customers_email_idx ON customers (tenant_id, email) WHERE email IS NOT NULL`);
    await runner.query(`CREATE INDEX customers_domain_idx ON customers (tenant_id, domain) WHERE domain IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX customers_domain_idx`);
    await runner.query(`DROP INDEX customers_email_idx`);
    await runner.query(`DROP INDEX customers_name_trgm_idx`);
    await runner.query(`ALTER TABLE customers DROP COLUMN erased_at`);
    await runner.query(`DROP TABLE customer_merges`);
  }
}
