import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactsTimelineTasksMembers1764000000100 implements MigrationInterface {
  name = 'ContactsTimelineTasksMembers1764000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        first_name text NOT NULL,
        last_name text,
        email text,
        phone text,
        title text,
        email_consent boolean NOT NULL DEFAULT false,
        phone_consent boolean NOT NULL DEFAULT false,
        consent_updated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX contacts_tenant_customer_idx ON contacts (tenant_id, customer_id, created_at, id)`);
    await runner.query(`
      CREATE TABLE interactions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        kind text NOT NULL CHECK (kind IN ('EMAIL', 'CALL', 'MEETING', 'NOTE', 'LOGIN', 'PRODUCT_USAGE')),
        occurred_at timestamptz NOT NULL,
        summary text,
        feature text,
        member_id text,
        from_stage text,
        to_stage text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The timeline is read newest first per customer.
    await runner.query(`CREATE INDEX interactions_timeline_idx ON interactions (tenant_id, customer_id, occurred_at DESC, id DESC)`);
    await runner.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        title text NOT NULL,
        due_at timestamptz,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE')),
        assignee_id uuid,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await runner.query(`CREATE INDEX tasks_tenant_customer_idx ON tasks (tenant_id, customer_id, created_at, id)`);
    await runner.query(`
      CREATE TABLE members (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        team text,
        territories text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        available boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, email)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE members`);
    await runner.query(`DROP TABLE tasks`);
    await runner.query(`DROP TABLE interactions`);
    await runner.query(`DROP TABLE contacts`);
  }
}
