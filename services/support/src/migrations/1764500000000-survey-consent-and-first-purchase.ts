import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What support learns from other services' events to invite to surveys: which contacts of a
 * customer consented to email (from contacts' ContactAdded) and when a customer first paid an
 * order (from sales-pipeline's OrderPaid), which starts the NPS clock.
 */
export class SurveyConsentAndFirstPurchase1764500000000 implements MigrationInterface {
  name = 'SurveyConsentAndFirstPurchase1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contact_consents (
        tenant_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        email_consent boolean NOT NULL,
        consent_updated_at timestamptz,
        PRIMARY KEY (tenant_id, contact_id)
      )`);
    await runner.query(`CREATE INDEX contact_consents_customer_idx ON contact_consents (tenant_id, customer_id) WHERE email_consent`);
    await runner.query(`
      CREATE TABLE customer_first_purchases (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        first_paid_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, customer_id)
      )`);
    // The NPS sweep looks for customers whose first purchase is old enough.
    await runner.query(`CREATE INDEX customer_first_purchases_paid_idx ON customer_first_purchases (first_paid_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE customer_first_purchases`);
    await runner.query(`DROP TABLE contact_consents`);
  }
}
