import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Products, order lines and payments; orders gain a due date and the amount paid so far. */
export class ProductsOrdersPayments1764100000000 implements MigrationInterface {
  name = 'ProductsOrdersPayments1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        sku text NOT NULL,
        name text NOT NULL,
        price_amount numeric(14, 2) NOT NULL CHECK (price_amount >= 0),
        currency char(3) NOT NULL,
        recurring boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT products_tenant_sku_key UNIQUE (tenant_id, sku)
      )`);
    await runner.query(`ALTER TABLE orders ADD COLUMN due_at timestamptz`);
    await runner.query(`ALTER TABLE orders ADD COLUMN paid_amount numeric(14, 2) NOT NULL DEFAULT 0`);
    // Orders written before payments existed were either paid in full or not at all.
    await runner.query(`UPDATE orders SET paid_amount = total_amount WHERE paid_at IS NOT NULL`);
    await runner.query(`ALTER TABLE orders ADD CONSTRAINT orders_paid_within_total CHECK (paid_amount >= 0 AND paid_amount <= total_amount)`);
    // Unit prices are copied from the product when the order is placed: a later price change
    // never rewrites what a customer was charged.
    await runner.query(`
      CREATE TABLE order_lines (
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        tenant_id uuid NOT NULL,
        product_id uuid NOT NULL REFERENCES products (id),
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
        PRIMARY KEY (order_id, position)
      )`);
    await runner.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        amount numeric(14, 2) NOT NULL CHECK (amount > 0),
        paid_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX payments_tenant_order_idx ON payments (tenant_id, order_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE payments`);
    await runner.query(`DROP TABLE order_lines`);
    await runner.query(`ALTER TABLE orders DROP CONSTRAINT orders_paid_within_total`);
    await runner.query(`ALTER TABLE orders DROP COLUMN paid_amount`);
    await runner.query(`ALTER TABLE orders DROP COLUMN due_at`);
    await runner.query(`DROP TABLE products`);
  }
}
