import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSurveyInvitations1764100000100 implements MigrationInterface {
  name = 'CreateSurveyInvitations1764100000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE survey_invitations (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CSAT', 'NPS', 'CES')),
        trigger text NOT NULL,
        ticket_id uuid,
        sent_at timestamptz NOT NULL,
        answered_at timestamptz
      )`);
    // The 30-day rule looks up a customer's latest invitation; the list pages newest first.
    await runner.query(`CREATE INDEX survey_invitations_customer_idx ON survey_invitations (tenant_id, customer_id, sent_at DESC)`);
    await runner.query(`CREATE INDEX survey_invitations_sent_idx ON survey_invitations (tenant_id, sent_at DESC, id DESC)`);
    // One answer per invitation, enforced by the database as well as by the service.
    await runner.query(`ALTER TABLE survey_responses ADD COLUMN invitation_id uuid UNIQUE`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE survey_responses DROP COLUMN invitation_id`);
    await runner.query(`DROP TABLE survey_invitations`);
  }
}
