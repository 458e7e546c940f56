import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSurveyResponses1732300000000 implements MigrationInterface {
  name = 'CreateSurveyResponses1732300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CSAT', 'NPS', 'CES')),
        score int NOT NULL,
        comment text,
        answered_at timestamptz NOT NULL,
        -- The scale is part of the data's meaning: CSAT 1-5, NPS 0-10, CES 1-5.
        CHECK ((kind = 'NPS' AND score BETWEEN 0 AND 10) OR (kind <> 'NPS' AND score BETWEEN 1 AND 5))
      )`);
    await runner.query(`CREATE INDEX survey_responses_tenant_customer_idx ON survey_responses (tenant_id, customer_id, answered_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE survey_responses`);
  }
}
