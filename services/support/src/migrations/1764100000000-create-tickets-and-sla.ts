import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicketsAndSla1764100000000 implements MigrationInterface {
  name = 'CreateTicketsAndSla1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        subject text NOT NULL,
        description text,
        priority text NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
        status text NOT NULL CHECK (status IN ('NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED')),
        channel text NOT NULL,
        assignee_id uuid,
        created_at timestamptz NOT NULL,
        -- Last change or comment: the quiet period before closing counts from here.
        last_activity_at timestamptz NOT NULL,
        first_response_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        reopen_count int NOT NULL DEFAULT 0,
        -- Spans in which SLA clocks stood still (PENDING, RESOLVED before a reopen), [{start, end}].
        pauses jsonb NOT NULL DEFAULT '[]',
        -- Due times under the current policy and calendar; null while no target runs or the clock stands still.
        first_response_due_at timestamptz,
        resolution_due_at timestamptz,
        -- SlaBreached is published once per target: these record that it was.
        first_response_breach_published_at timestamptz,
        resolution_breach_published_at timestamptz
      )`);
    await runner.query(`CREATE INDEX tickets_tenant_created_idx ON tickets (tenant_id, created_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX tickets_tenant_customer_idx ON tickets (tenant_id, customer_id, created_at DESC, id DESC)`);
    // The breach checker and the quiet-period close scan only the few rows these cover.
    await runner.query(
      `CREATE INDEX tickets_first_response_due_idx ON tickets (first_response_due_at) WHERE first_response_breach_published_at IS NULL AND first_response_due_at IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX tickets_resolution_due_idx ON tickets (resolution_due_at) WHERE resolution_breach_published_at IS NULL AND resolution_due_at IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX tickets_resolved_idx ON tickets (last_activity_at) WHERE status = 'RESOLVED'`);

    await runner.query(`
      CREATE TABLE ticket_comments (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        ticket_id uuid NOT NULL REFERENCES tickets (id),
        author_id text NOT NULL,
        body text NOT NULL,
        public boolean NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (tenant_id, ticket_id, created_at, id)`);

    await runner.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        priority text NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
        first_response_minutes int NOT NULL CHECK (first_response_minutes > 0),
        resolution_minutes int NOT NULL CHECK (resolution_minutes > 0),
        UNIQUE (tenant_id, priority)
      )`);

    await runner.query(`
      CREATE TABLE business_hours (
        tenant_id uuid PRIMARY KEY,
        weekdays int[] NOT NULL,
        start_minute int NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
        end_minute int NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
        CHECK (end_minute > start_minute)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE business_hours`);
    await runner.query(`DROP TABLE sla_policies`);
    await runner.query(`DROP TABLE ticket_comments`);
    await runner.query(`DROP TABLE tickets`);
  }
}
