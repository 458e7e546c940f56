import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KPI_FACTS_VIEW, kpiTriggerFunctions } from './1732300000900-kpi-rollups.js';

/**
 * Brings a database that ran the first version of KpiRollups1732300000900 to the current one
 * (on a fresh database it re-applies what that migration just created, and changes nothing):
 *
 * - the rollup triggers carry only the columns their source adds to, net a statement's facts per
 *   customer and day before adding them, look each changed customer's quadrant up by key, and
 *   lock only the customers whose counted facts changed (a re-delivered upsert locks nothing);
 * - kpi_facts carries each fact's UTC day, and orders and deals are indexed by that day instead
 *   of by instant: the instant indexes were picked, with young statistics, for per-customer sums
 *   of payments, scanning the tenant's whole payment history once per customer.
 */
export class KpiRollupsByKey1732300000910 implements MigrationInterface {
  name = 'KpiRollupsByKey1732300000910';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX IF EXISTS orders_paid`);
    await runner.query(`DROP INDEX IF EXISTS deals_created`);
    await runner.query(`CREATE INDEX IF NOT EXISTS orders_paid_day ON orders (tenant_id, ((paid_at AT TIME ZONE 'UTC')::date))`);
    await runner.query(`CREATE INDEX IF NOT EXISTS deals_created_day ON deals (tenant_id, ((created_at AT TIME ZONE 'UTC')::date))`);
    // A column in the middle: CREATE OR REPLACE VIEW may only add columns at the end. No other view depends on it.
    await runner.query(`DROP VIEW kpi_facts`);
    await runner.query(KPI_FACTS_VIEW());
    for (const definition of kpiTriggerFunctions()) await runner.query(definition);
  }

  async down(): Promise<void> {
    // The definitions stay: they give the same rollups as the first version, which the code no longer has.
  }
}
