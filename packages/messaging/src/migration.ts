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

/** The messaging tables' migrations, oldest first, for a service's migration list. */
export const messagingMigrations = [CreateOutboxAndInbox1732300000100, OutboxEnvelopeAsText1732300000110];
