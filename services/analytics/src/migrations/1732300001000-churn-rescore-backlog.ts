import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers whose churn inputs changed while the consumer was catching up, to be scored once it
 * has (createChurnRescoring). Written in the chunk's transaction, so a crash loses none.
 */
export class ChurnRescoreBacklog1732300001000 implements MigrationInterface {
  name = 'ChurnRescoreBacklog1732300001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE churn_rescore_backlog (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, customer_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE churn_rescore_backlog`);
  }
}
