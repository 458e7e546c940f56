import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events written in the same transaction as the change they describe) and
 * the inbox (ids of events a consumer group has applied). Every service that publishes
 * or consumes includes this migration in its list.
 */
export class CreateOutboxAndInbox1732300000100 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1732300000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        -- Commit order of the writes: the relay publishes in this order.
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        type text NOT NULL,
        version int NOT NULL,
        tenant_id uuid NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await runner.query(`CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE published_at IS NULL`);
    await runner.query(`CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL`);
    await runner.query(`
      CREATE TABLE inbox (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE inbox`);
    await runner.query(`DROP TABLE outbox`);
  }
}

/**
 * The relay reads every envelope as text to send it; stored as jsonb, each read paid for a
 * conversion on the hot path. The outbox is a queue, not a query surface.
 */
export class OutboxEnvelopeAsText1732300000110 implements MigrationInterface {
  name = 'OutboxEnvelopeAsText1732300000110';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE outbox ALTER COLUMN envelope TYPE text USING envelope::text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE outbox ALTER COLUMN envelope TYPE jsonb USING envelope::jsonb`);
  }
}

/**
 * Marking a row published used to be a non-HOT update: `published_at` was in both partial
 * indexes (pending, published), so every mark wrote a whole new row version (envelope included)
 * and an entry in every index of the table, about a third of the Postgres cost of an event.
 * Now what waits to be published is a narrow queue of its own, `outbox_pending` (the relay reads
 * it in seq order and deletes from it), and `published_at` is in no B-tree: the mark is a
 * HOT update, written in place on the row's page, which fillfactor 50 keeps room for. Pruning
 * finds old published rows through a BRIN index, which (PostgreSQL 16) does not prevent HOT.
 * The outbox still keeps published rows for the retention period, as before.
 */
export class OutboxPendingQueue1732300000120 implements MigrationInterface {
  name = 'OutboxPendingQueue1732300000120';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE outbox_pending (seq bigint PRIMARY KEY)`);
    await runner.query(`INSERT INTO outbox_pending (seq) SELECT seq FROM outbox WHERE published_at IS NULL`);
    await runner.query(`DROP INDEX outbox_pending_idx`);
    await runner.query(`DROP INDEX outbox_published_idx`);
    await runner.query(`CREATE INDEX outbox_published_at_brin ON outbox USING brin (published_at)`);
    // Applies to pages written from now on; older pages keep their rows as they are.
    await runner.query(`ALTER TABLE outbox SET (fillfactor = 50)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE outbox RESET (fillfactor)`);
    await runner.query(`DROP INDEX outbox_published_at_brin`);
    await runner.query(`CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE published_at IS NULL`);
    await runner.query(`CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL`);
    await runner.query(`DROP TABLE outbox_pending`);
  }
}

/** The messaging tables' migrations, oldest first, for a service's migration list. */
export const messagingMigrations = [CreateOutboxAndInbox1732300000100, OutboxEnvelopeAsText1732300000110, OutboxPendingQueue1732300000120];
