import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two GIN indexes on customers that no statement of the service can use, which every customer
 * write still pays for (a GIN entry per lexeme or tag, and the pending-list merges):
 * - customers_search_document_idx: search finds its candidates through the trigram KNN index and
 *   reads search_document only to rank those few rows (`@@` in the select list, never a filter);
 * - customers_tags_idx: the tag filter (`tags @> ARRAY[...]`) runs as the application role under
 *   row-level security, where Postgres uses an index only for leakproof operators, and array
 *   containment is not one: the plan is the tenant's rows filtered, with or without this index.
 * Measured on the bulk write path (500 customers a statement): 33.0 -> 27.0 µs of Postgres CPU a
 * customer without them.
 */
export class DropUnreachableCustomerIndexes1764300000800 implements MigrationInterface {
  name = 'DropUnreachableCustomerIndexes1764300000800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX IF EXISTS customers_search_document_idx`);
    await runner.query(`DROP INDEX IF EXISTS customers_tags_idx`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX customers_tags_idx ON customers USING gin (tags)`);
    await runner.query(`CREATE INDEX customers_search_document_idx ON customers USING gin (search_document)`);
  }
}
