import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomerReadModel1732300000300 implements MigrationInterface {
  name = 'CreateCustomerReadModel1732300000300';

  async up(runner: QueryRunner): Promise<void> {
    // Analytics' own copy of a customer, built only from events. Personal fields (name)
    // are dropped on erasure; the numbers stay.
    await runner.query(`
      CREATE TABLE customers (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        name text,
        kind text NOT NULL,
        country text,
        source text,
        created_at timestamptz NOT NULL,
        events_applied int NOT NULL DEFAULT 0,
        last_event_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, customer_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE customers`);
  }
}
