import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models analytics builds from the domain services' events, for KPIs, churn signals
 * and exports. Every table is keyed by tenant and rebuilt identically by replaying the topics
 * from offset 0 (keys are the source ids, never sequences; counters are only added to by
 * events the inbox admits once).
 *
 * Per customer (what churn signals and segments read):
 * - customers: + owner, lifecycle stage, referrer, first/second/last purchase (distinct days),
 *   purchase days, paid revenue, last activity, erased_at (personal fields nulled on erasure).
 * - orders / order_lines: every order with placed, due and paid times (late = paid after due,
 *   or unpaid past due), and its products.
 * - activity_spells: when a customer counts as active from purchases ([day, day + 365 d) merged).
 * - subscriptions, mrr_movements: each subscription's MRR and every SubscriptionChanged with the
 *   customer's MRR before and after (contraction = movement CONTRACTION or CHURN).
 * - deals, deal_stage_history, stages: deals with their stage entries (funnel, forecast, owners).
 * - leads, campaigns, campaign_spend: leads and conversions, spend by channel and period.
 * - tickets, sla_breaches: open/first response/resolution times, priority (open urgent), breaches.
 * - survey_answers: every CSAT/NPS/CES answer with its score.
 * - usage_weeks: interactions per customer, ISO week (Monday, UTC), kind and feature.
 * - feature_first_use: when a customer first used each feature (adoption).
 * - customer_segments: the value quadrant of each customer (filled by the segmentation job).
 * Per tenant and day (UTC): daily_rollups, additive counters the KPIs read instead of orders.
 */
export class CreateKpiReadModels1732300000400 implements MigrationInterface {
  name = 'CreateKpiReadModels1732300000400';

  async up(runner: QueryRunner): Promise<void> {
    // Orders and other events may arrive before CustomerCreated (different topics).
    await runner.query(`
      ALTER TABLE customers
        ALTER COLUMN kind DROP NOT NULL,
        ALTER COLUMN created_at DROP NOT NULL,
        ADD COLUMN owner_id uuid,
        ADD COLUMN lifecycle_stage text,
        ADD COLUMN lifecycle_changed_at timestamptz,
        ADD COLUMN referred_by uuid,
        ADD COLUMN first_purchase_at timestamptz,
        ADD COLUMN second_purchase_at timestamptz,
        ADD COLUMN last_purchase_at timestamptz,
        ADD COLUMN purchase_days int NOT NULL DEFAULT 0,
        ADD COLUMN revenue_paid numeric(16, 2) NOT NULL DEFAULT 0,
        ADD COLUMN last_activity_at timestamptz,
        ADD COLUMN erased_at timestamptz`);
    await runner.query(`CREATE INDEX customers_first_purchase ON customers (tenant_id, first_purchase_at) WHERE first_purchase_at IS NOT NULL`);
    await runner.query(`CREATE INDEX customers_second_purchase ON customers (tenant_id, second_purchase_at) WHERE second_purchase_at IS NOT NULL`);
    await runner.query(`CREATE INDEX customers_referred_by ON customers (tenant_id, referred_by) WHERE referred_by IS NOT NULL`);

    await runner.query(`
      CREATE TABLE orders (
        tenant_id uuid NOT NULL,
        order_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        amount numeric(16, 2) NOT NULL,
        currency text NOT NULL,
        placed_at timestamptz NOT NULL,
        due_at timestamptz,
        paid_at timestamptz,
        payment_count int NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, order_id)
      )`);
    await runner.query(`CREATE INDEX orders_customer ON orders (tenant_id, customer_id, placed_at)`);
    await runner.query(`CREATE INDEX orders_unpaid_due ON orders (tenant_id, due_at) WHERE paid_at IS NULL AND due_at IS NOT NULL`);
    await runner.query(`
      CREATE TABLE order_lines (
        tenant_id uuid NOT NULL,
        order_id uuid NOT NULL,
        line_no int NOT NULL,
        customer_id uuid NOT NULL,
        product_id uuid NOT NULL,
        quantity int NOT NULL,
        unit_price numeric(16, 2) NOT NULL,
        placed_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, order_id, line_no)
      )`);
    await runner.query(`CREATE INDEX order_lines_product ON order_lines (tenant_id, product_id, customer_id)`);
    await runner.query(`CREATE INDEX order_lines_customer ON order_lines (tenant_id, customer_id, placed_at)`);

    await runner.query(`
      CREATE TABLE activity_spells (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, customer_id, starts_at)
      )`);
    await runner.query(`CREATE INDEX activity_spells_span ON activity_spells (tenant_id, starts_at, ends_at)`);

    await runner.query(`
      CREATE TABLE subscriptions (
        tenant_id uuid NOT NULL,
        subscription_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        product_id uuid NOT NULL,
        mrr numeric(16, 2) NOT NULL,
        currency text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        last_change_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, subscription_id)
      )`);
    await runner.query(`CREATE INDEX subscriptions_customer ON subscriptions (tenant_id, customer_id)`);
    await runner.query(`
      CREATE TABLE mrr_movements (
        tenant_id uuid NOT NULL,
        event_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        subscription_id uuid NOT NULL,
        movement text NOT NULL,
        month text NOT NULL,
        amount numeric(16, 2) NOT NULL,
        customer_mrr_before numeric(16, 2) NOT NULL,
        customer_mrr_after numeric(16, 2) NOT NULL,
        currency text NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, event_id)
      )`);
    await runner.query(`CREATE INDEX mrr_movements_customer ON mrr_movements (tenant_id, customer_id, occurred_at)`);

    await runner.query(`
      CREATE TABLE stages (
        tenant_id uuid NOT NULL,
        stage_id uuid NOT NULL,
        pipeline_id uuid NOT NULL,
        name text NOT NULL,
        probability double precision NOT NULL,
        PRIMARY KEY (tenant_id, stage_id)
      )`);
    await runner.query(`
      CREATE TABLE deals (
        tenant_id uuid NOT NULL,
        deal_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        pipeline_id uuid NOT NULL,
        owner_id uuid,
        amount numeric(16, 2) NOT NULL,
        currency text NOT NULL,
        stage_id uuid NOT NULL,
        probability double precision NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'OPEN',
        expected_close_at timestamptz,
        created_at timestamptz NOT NULL,
        closed_at timestamptz,
        lost_reason text,
        last_change_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, deal_id)
      )`);
    await runner.query(`CREATE INDEX deals_closed ON deals (tenant_id, closed_at)`);
    await runner.query(`CREATE INDEX deals_customer ON deals (tenant_id, customer_id)`);
    await runner.query(`
      CREATE TABLE deal_stage_history (
        tenant_id uuid NOT NULL,
        deal_id uuid NOT NULL,
        entered_at timestamptz NOT NULL,
        stage_id uuid NOT NULL,
        from_stage_id uuid,
        pipeline_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, deal_id, entered_at, stage_id)
      )`);
    await runner.query(`CREATE INDEX deal_stage_history_stage ON deal_stage_history (tenant_id, pipeline_id, stage_id)`);

    await runner.query(`
      CREATE TABLE leads (
        tenant_id uuid NOT NULL,
        lead_id uuid NOT NULL,
        source text,
        campaign_id uuid,
        created_at timestamptz NOT NULL,
        converted_at timestamptz,
        customer_id uuid,
        assignee_id uuid,
        PRIMARY KEY (tenant_id, lead_id)
      )`);
    await runner.query(`CREATE INDEX leads_created ON leads (tenant_id, created_at)`);
    await runner.query(`
      CREATE TABLE campaigns (
        tenant_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        channel text NOT NULL,
        currency text NOT NULL,
        PRIMARY KEY (tenant_id, campaign_id)
      )`);
    await runner.query(`
      CREATE TABLE campaign_spend (
        tenant_id uuid NOT NULL,
        event_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        channel text NOT NULL,
        amount numeric(16, 2) NOT NULL,
        currency text NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, event_id)
      )`);

    await runner.query(`
      CREATE TABLE tickets (
        tenant_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        priority text NOT NULL,
        channel text,
        status text NOT NULL,
        opened_at timestamptz NOT NULL,
        first_response_at timestamptz,
        resolved_at timestamptz,
        reopen_count int NOT NULL DEFAULT 0,
        sla_breached boolean NOT NULL DEFAULT false,
        PRIMARY KEY (tenant_id, ticket_id)
      )`);
    await runner.query(`CREATE INDEX tickets_opened ON tickets (tenant_id, opened_at)`);
    await runner.query(`CREATE INDEX tickets_customer ON tickets (tenant_id, customer_id)`);
    await runner.query(`
      CREATE TABLE sla_breaches (
        tenant_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        target text NOT NULL,
        customer_id uuid NOT NULL,
        priority text NOT NULL,
        due_at timestamptz NOT NULL,
        detected_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, ticket_id, target)
      )`);
    await runner.query(`CREATE INDEX sla_breaches_customer ON sla_breaches (tenant_id, customer_id, detected_at)`);

    await runner.query(`
      CREATE TABLE survey_answers (
        tenant_id uuid NOT NULL,
        response_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        kind text NOT NULL,
        score int NOT NULL,
        trigger text NOT NULL,
        answered_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, response_id)
      )`);
    await runner.query(`CREATE INDEX survey_answers_answered ON survey_answers (tenant_id, answered_at)`);
    await runner.query(`CREATE INDEX survey_answers_customer ON survey_answers (tenant_id, customer_id, answered_at)`);

    await runner.query(`
      CREATE TABLE usage_weeks (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        week date NOT NULL,
        kind text NOT NULL,
        feature text NOT NULL DEFAULT '',
        interactions int NOT NULL,
        PRIMARY KEY (tenant_id, customer_id, week, kind, feature)
      )`);
    await runner.query(`
      CREATE TABLE feature_first_use (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        feature text NOT NULL,
        first_used_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, customer_id, feature)
      )`);

    await runner.query(`
      CREATE TABLE customer_segments (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        quadrant text NOT NULL CHECK (quadrant IN ('INVEST', 'PROTECT', 'DEVELOP', 'SERVE_EFFICIENTLY')),
        current_value numeric(16, 2) NOT NULL DEFAULT 0,
        potential_value numeric(16, 2) NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, customer_id)
      )`);
    await runner.query(`CREATE INDEX customer_segments_quadrant ON customer_segments (tenant_id, quadrant)`);

    await runner.query(`
      CREATE TABLE daily_rollups (
        tenant_id uuid NOT NULL,
        day date NOT NULL,
        orders_placed int NOT NULL DEFAULT 0,
        revenue_placed numeric(18, 2) NOT NULL DEFAULT 0,
        orders_paid int NOT NULL DEFAULT 0,
        revenue_paid numeric(18, 2) NOT NULL DEFAULT 0,
        orders_paid_late int NOT NULL DEFAULT 0,
        mrr_change numeric(18, 2) NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, day)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'daily_rollups', 'customer_segments', 'feature_first_use', 'usage_weeks', 'survey_answers', 'sla_breaches', 'tickets',
      'campaign_spend', 'campaigns', 'leads', 'deal_stage_history', 'deals', 'stages', 'mrr_movements', 'subscriptions',
      'activity_spells', 'order_lines', 'orders',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`
      ALTER TABLE customers
        DROP COLUMN owner_id, DROP COLUMN lifecycle_stage, DROP COLUMN lifecycle_changed_at, DROP COLUMN referred_by,
        DROP COLUMN first_purchase_at, DROP COLUMN second_purchase_at, DROP COLUMN last_purchase_at, DROP COLUMN purchase_days,
        DROP COLUMN revenue_paid, DROP COLUMN last_activity_at, DROP COLUMN erased_at`);
  }
}
