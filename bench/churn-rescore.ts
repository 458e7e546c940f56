// Rescoring a whole tenant's churn risk and value segments: what the hourly sweep does. Run from
// the repository root, alone on the machine:
//   flock /tmp/rapport-bench.lock node --conditions=development --import tsx bench/churn-rescore.ts
//
// The data: one tenant, 100,000 customers (BENCH_CHURN_CUSTOMERS), each with 12 weeks of usage,
// four monthly orders (one customer in ten pays its last one late or not at all), and a share of
// tickets, SLA breaches and survey answers, written straight into the read-model tables with
// INSERT ... SELECT over generate_series (the consumers that fill them are measured elsewhere).
// Measured through the public API: configureChurnRisk rescores every customer in one
// transaction, configureValueSegments segments them all; the timed sweep runs the same code in
// chunks of 1,000 customers.
import { analyticsService } from '@rapport/analytics';
import { startServiceForTest } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, startEmbeddedPostgres, TEST_JWT_SECRET } from '@rapport/test-kit';

const CUSTOMERS = Number(process.env['BENCH_CHURN_CUSTOMERS'] ?? 100_000);

const postgres = await startEmbeddedPostgres();
const url = new URL(postgres.url);
url.pathname = '/rapport_bench_churn';
const analytics = await startServiceForTest(analyticsService, { databaseUrl: url.toString(), jwtSecret: TEST_JWT_SECRET });
const tenant = createTestTenant();
const t = tenant.tenantId;
const db = analytics.dataSource;

try {
  const loadStart = performance.now();
  const customerId = (expression: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${expression}), 12, '0'))::uuid`;
  await db.query(
    `INSERT INTO customers (tenant_id, customer_id, name, kind, created_at, last_event_at, last_activity_at, first_purchase_at)
     SELECT $1, ${customerId('i')}, 'Customer ' || i, 'BUSINESS', now() - interval '400 days', now(), now() - (i % 40) * interval '1 day', now() - interval '120 days'
       FROM generate_series(1, $2) AS i`,
    [t, CUSTOMERS],
  );
  // 12 complete weeks of usage; one customer in ten falls to a fifth over the last four.
  await db.query(
    `INSERT INTO usage_weeks (tenant_id, customer_id, week, kind, feature, interactions)
     SELECT $1, ${customerId('i')}, (date_trunc('week', now()) - w * interval '1 week')::date, 'PRODUCT_USAGE', '',
            CASE WHEN i % 10 = 0 AND w <= 4 THEN 1 ELSE 3 + (i * w) % 5 END
       FROM generate_series(1, $2) AS i, generate_series(1, 12) AS w`,
    [t, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, due_at, paid_at, paid_amount, payment_count, placed_seen)
     SELECT $1, gen_random_uuid(), ${customerId('i')}, 100 + i % 300, 'EUR', placed, placed + interval '14 days',
            CASE WHEN i % 10 = 0 AND m = 1 THEN NULL ELSE placed + interval '5 days' END,
            CASE WHEN i % 10 = 0 AND m = 1 THEN NULL ELSE 100 + i % 300 END, 1, true
       FROM generate_series(1, $2) AS i, generate_series(1, 4) AS m, LATERAL (SELECT now() - (m * 30) * interval '1 day' AS placed) p`,
    [t, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO tickets (tenant_id, ticket_id, customer_id, priority, channel, status, opened_at)
     SELECT $1, gen_random_uuid(), ${customerId('(i::bigint * 37) % $2 + 1')}, (ARRAY['LOW', 'NORMAL', 'HIGH', 'URGENT'])[1 + i % 4], 'email',
            CASE WHEN i % 3 = 0 THEN 'OPEN' ELSE 'RESOLVED' END, now() - (i % 60) * interval '1 day'
       FROM generate_series(1, $2 / 3) AS i`,
    [t, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO sla_breaches (tenant_id, ticket_id, target, customer_id, priority, due_at, detected_at)
     SELECT tenant_id, ticket_id, 'FIRST_RESPONSE', customer_id, priority, opened_at + interval '4 hours', opened_at + interval '5 hours'
       FROM tickets WHERE tenant_id = $1 AND priority = 'URGENT'`,
    [t],
  );
  await db.query(
    `INSERT INTO survey_answers (tenant_id, response_id, customer_id, kind, score, trigger, answered_at)
     SELECT $1, gen_random_uuid(), ${customerId('(i::bigint * 31) % $2 + 1')}, (ARRAY['NPS', 'CSAT'])[1 + i % 2],
            CASE i % 2 WHEN 0 THEN i % 11 ELSE 1 + i % 5 END, 'BENCH', now() - (i % 200) * interval '1 day'
       FROM generate_series(1, $2 / 2) AS i`,
    [t, CUSTOMERS],
  );
  await db.query(`ANALYZE`);
  console.log(`loaded ${CUSTOMERS} customers in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

  const endpoint = `http://127.0.0.1:${analytics.port}/graphql`;
  const token = await tenant.token(['admin']);
  const timed = async (label: string, query: string) => {
    const start = performance.now();
    const result = await graphqlRequest(endpoint, query, { token });
    const seconds = (performance.now() - start) / 1000;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    console.log(`${label}: ${seconds.toFixed(1)} s (${Math.round(CUSTOMERS / seconds)} customers/s)`);
    return result.data;
  };
  await timed('first scoring of every customer (configureChurnRisk, defaults)', `mutation { configureChurnRisk(input: {}) { rescored } }`);
  await timed('rescoring every customer again', `mutation { configureChurnRisk(input: { highThreshold: 35 }) { rescored } }`);
  await timed('segmenting every customer (configureValueSegments)', `mutation { configureValueSegments(input: {}) { segmented } }`);
  const [levels] = await db.query(
    `SELECT count(*) FILTER (WHERE level = 'HIGH')::int AS high, count(*) FILTER (WHERE level = 'MEDIUM')::int AS medium, count(*)::int AS scored FROM customer_churn_risk WHERE tenant_id = $1`,
    [t],
  );
  console.log(`levels: ${JSON.stringify(levels)}`);
} finally {
  await analytics.stop();
  await postgres.stop();
}
