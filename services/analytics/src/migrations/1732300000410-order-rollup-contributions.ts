import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderRollupContributions1732300000410 implements MigrationInterface {
  name = 'OrderRollupContributions1732300000410';

  async up(runner: QueryRunner): Promise<void> {
    // An order may be published again (a re-import that changes it): the rollups take back
    // what the order contributed before, so each order keeps what it added, and whether its
    // placement was counted (an OrderPaid can be the first event analytics sees of an order).
    await runner.query(`ALTER TABLE orders ADD COLUMN placed_seen boolean NOT NULL DEFAULT false, ADD COLUMN paid_amount numeric(16, 2)`);
    await runner.query(`CREATE INDEX orders_placed ON orders (tenant_id, placed_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX orders_placed`);
    await runner.query(`ALTER TABLE orders DROP COLUMN placed_seen, DROP COLUMN paid_amount`);
  }
}
