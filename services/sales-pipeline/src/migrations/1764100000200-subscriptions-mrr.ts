import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Subscriptions and the MRR movement ledger analytics consumes. */
export class SubscriptionsMrr1764100000200 implements MigrationInterface {
  name = 'SubscriptionsMrr1764100000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        product_id uuid NOT NULL REFERENCES products (id),
        mrr numeric(14, 2) NOT NULL CHECK (mrr >= 0),
        currency char(3) NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    await runner.query(`CREATE INDEX subscriptions_tenant_customer_idx ON subscriptions (tenant_id, customer_id)`);
    // Append-only: one row per movement, with the customer's MRR before and after it, so that
    // a month's new, expansion, contraction, churn and reactivation MRR is a sum over rows.
    await runner.query(`
      CREATE TABLE mrr_movements (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        subscription_id uuid NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        month date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('NEW', 'EXPANSION', 'CONTRACTION', 'CHURN', 'REACTIVATION')),
        amount numeric(14, 2) NOT NULL,
        customer_mrr_before numeric(14, 2) NOT NULL,
        customer_mrr_after numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX mrr_movements_tenant_customer_month_idx ON mrr_movements (tenant_id, customer_id, month)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE mrr_movements`);
    await runner.query(`DROP TABLE subscriptions`);
  }
}
