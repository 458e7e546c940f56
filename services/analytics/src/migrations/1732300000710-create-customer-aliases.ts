import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomerAliases1732300000710 implements MigrationInterface {
  name = 'CreateCustomerAliases1732300000710';

  async up(runner: QueryRunner): Promise<void> {
    // Merged customer ids and their survivor (CustomersMerged). Orders are re-pointed when the
    // merge is applied; an order of a merged id that arrives later (another topic, no order
    // between them) is counted for the survivor through this table, so that any replay order
    // gives the same purchases.
    await runner.query(`
      CREATE TABLE customer_aliases (
        tenant_id uuid NOT NULL,
        merged_id uuid NOT NULL,
        survivor_id uuid NOT NULL,
        merged_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, merged_id)
      )`);
    await runner.query(`CREATE INDEX customer_aliases_survivor ON customer_aliases (tenant_id, survivor_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE customer_aliases`);
  }
}
