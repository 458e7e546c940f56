import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tenant's reporting currency and the conversion rates it provides (never fetched). */
export class CurrencySettings1764500000000 implements MigrationInterface {
  name = 'CurrencySettings1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE currency_settings (
        tenant_id uuid PRIMARY KEY,
        base_currency char(3) NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE exchange_rates (
        tenant_id uuid NOT NULL,
        currency char(3) NOT NULL,
        rate_to_base numeric(24, 10) NOT NULL CHECK (rate_to_base > 0),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, currency)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE exchange_rates`);
    await runner.query(`DROP TABLE currency_settings`);
  }
}
