import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerReferrals1764000000400 implements MigrationInterface {
  name = 'CustomerReferrals1764000000400';

  async up(runner: QueryRunner): Promise<void> {
    // No foreign key: a referrer may later be merged away, and its id then resolves to the survivor.
    await runner.query(`ALTER TABLE customers ADD COLUMN referred_by_id uuid`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE customers DROP COLUMN referred_by_id`);
  }
}
