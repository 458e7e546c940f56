import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Campaigns and their spend, the local member directory, routing rules, and leads. */
export class LeadsRoutingCampaigns1764100000300 implements MigrationInterface {
  name = 'LeadsRoutingCampaigns1764100000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text NOT NULL,
        channel text NOT NULL,
        currency char(3) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT campaigns_tenant_name_key UNIQUE (tenant_id, name)
      )`);
    await runner.query(`
      CREATE TABLE campaign_spend (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        amount numeric(14, 2) NOT NULL CHECK (amount > 0),
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end >= period_start)
      )`);
    await runner.query(`CREATE INDEX campaign_spend_tenant_campaign_idx ON campaign_spend (tenant_id, campaign_id)`);
    // A copy of the contacts member directory, for routing. Contacts owns members; in the full
    // design this table is fed by its MemberUpserted events (not published yet).
    await runner.query(`
      CREATE TABLE members (
        id uuid NOT NULL,
        tenant_id uuid NOT NULL,
        name text NOT NULL,
        territories text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        available boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`
      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text NOT NULL,
        priority integer NOT NULL DEFAULT 100,
        country char(2),
        industry text,
        source text,
        skill text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX routing_rules_tenant_priority_idx ON routing_rules (tenant_id, priority, created_at)`);
    await runner.query(`
      CREATE TABLE leads (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text,
        email text,
        company text,
        country char(2),
        industry text,
        source text,
        campaign_id uuid REFERENCES campaigns (id),
        status text NOT NULL CHECK (status IN ('NEW', 'ASSIGNED', 'CONVERTED', 'DISQUALIFIED')),
        assignee_id uuid,
        routing_rule_id uuid REFERENCES routing_rules (id) ON DELETE SET NULL,
        assigned_at timestamptz,
        customer_id uuid,
        converted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX leads_tenant_created_idx ON leads (tenant_id, created_at DESC, id DESC)`);
    // Open load per member: what routing reads on every new lead.
    await runner.query(`CREATE INDEX leads_tenant_assignee_open_idx ON leads (tenant_id, assignee_id) WHERE status = 'ASSIGNED'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE leads`);
    await runner.query(`DROP TABLE routing_rules`);
    await runner.query(`DROP TABLE members`);
    await runner.query(`DROP TABLE campaign_spend`);
    await runner.query(`DROP TABLE campaigns`);
  }
}
