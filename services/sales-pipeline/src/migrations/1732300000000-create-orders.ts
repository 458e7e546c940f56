import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrders1732300000000 implements MigrationInterface {
  name = 'CreateOrders1732300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        total_amount numeric(14, 2) NOT NULL CHECK (total_amount >= 0),
        currency char(3) NOT NULL,
        placed_at timestamptz NOT NULL,
        paid_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The revenue summary aggregates one tenant's orders per customer.
    await runner.query(`CREATE INDEX orders_tenant_customer_placed_idx ON orders (tenant_id, customer_id, placed_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE orders`);
  }
}
