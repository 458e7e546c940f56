import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChurnFollowUps1764300000600 implements MigrationInterface {
  name = 'ChurnFollowUps1764300000600';

  async up(runner: QueryRunner): Promise<void> {
    // The churn risk level contacts last heard of per customer, and the task of the latest HIGH
    // episode: a task is created only on a rise to HIGH from anything else, so a second HIGH in
    // the same episode adds none. Keyed by the survivor's id when the event named a merged one.
    await runner.query(`
      CREATE TABLE churn_follow_ups (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        level text NOT NULL CHECK (level IN ('LOW', 'MEDIUM', 'HIGH')),
        score double precision NOT NULL,
        heard_at timestamptz NOT NULL,
        episode_task_id uuid,
        episodes int NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, customer_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE churn_follow_ups`);
  }
}
