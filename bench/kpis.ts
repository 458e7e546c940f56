// `kpis` over a year, a quarter and a month at one million orders, for the whole tenant and
// each value quadrant. Run from the repository root, alone on the machine:
// flock /tmp/rapport-bench.lock npm run bench:kpis
//
// The data: one tenant, 100,000 customers, 1,000,000 orders placed over 2025 (about ten per
// customer, spread by a fixed multiplicative hash of the row number, so every run builds the
// same tenant), 90% of them paid, a tenth paid after their due date; 10,000 subscriptions with
// their MRR movements, 50,000 survey answers, 30,000 tickets, 20,000 deals, 50,000 leads and
// monthly campaign spend; every customer in a value quadrant. The rows are written straight into
// the read-model tables with INSERT ... SELECT over generate_series (a million events through the
// broker would measure the pipeline, which bench:events does); what derives from them — the
// per-customer purchase facts and spells (refreshCustomerPurchases, refreshKpiFacts: the
// consumers' own code) and the KPI rollups (the tables' own triggers) — is built as the
// consumers would build it. Each variant is checked once against the same figures computed from
// the rows (the reference of the tests), then timed.
import { loadavg } from 'node:os';
import { createAnalyticsService } from '@rapport/analytics';
import { refreshCustomerPurchases } from '@rapport/analytics/read-models';
import { enterTenant, startServiceForTest } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, startEmbeddedPostgres, TEST_JWT_SECRET } from '@rapport/test-kit';
import { VALUE_QUADRANTS } from '../services/analytics/src/modules/kpis/kpis.service.js';
import { referenceKpis } from '../services/analytics/test/support/kpis-reference.js';

const CUSTOMERS = Number(process.env['BENCH_KPIS_CUSTOMERS'] ?? 100_000);
const ORDERS = Number(process.env['BENCH_KPIS_ORDERS'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_KPIS_RUNS'] ?? 20);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const postgres = await startEmbeddedPostgres();
const url = new URL(postgres.url);
url.pathname = '/rapport_bench_kpis';
// No broker and no churn sweep: nothing but the measured queries runs beside the database.
const analytics = await startServiceForTest(createAnalyticsService({ churnSweepIntervalMs: 0 }), { databaseUrl: url.toString(), jwtSecret: TEST_JWT_SECRET });
const tenant = createTestTenant();
const t = tenant.tenantId;
const db = analytics.dataSource;

try {
  const loadStart = performance.now();
  // Customer i is the uuid built from i, so that rows of other tables can name it without a join.
  const customerId = (expression: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${expression}), 12, '0'))::uuid`;
  await db.query(
    `INSERT INTO customers (tenant_id, customer_id, name, kind, source, created_at, last_event_at)
     SELECT $1, ${customerId('i')}, 'Customer ' || i, 'BUSINESS', (ARRAY['ads', 'web', 'referral', 'events'])[1 + i % 4], '2024-06-01', now()
       FROM generate_series(1, $2) AS i`,
    [t, CUSTOMERS],
  );
  // Quadrants first: the rollups' triggers then count each fact in its customer's quadrant at once.
  await db.query(
    `INSERT INTO customer_segments (tenant_id, customer_id, quadrant)
     SELECT $1, ${customerId('i')}, (ARRAY['INVEST', 'PROTECT', 'DEVELOP', 'SERVE_EFFICIENTLY'])[1 + i % 4] FROM generate_series(1, $2) AS i`,
    [t, CUSTOMERS],
  );
  // Order n: customer (n * 7919) mod C + 1, placed at a hashed instant of 2025; due 30 days later.
  await db.query(
    `INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, due_at, paid_at, paid_amount, payment_count, placed_seen)
     SELECT $1, ${customerId('1000000000 + n')}, ${customerId('(n::bigint * 7919) % $2 + 1')}, amount, 'EUR', placed,
            placed + interval '30 days',
            CASE WHEN n % 10 = 0 THEN NULL WHEN n % 10 = 1 THEN placed + interval '45 days' ELSE placed + interval '3 days' END,
            CASE WHEN n % 10 = 0 THEN NULL ELSE amount END,
            CASE WHEN n % 10 = 0 THEN 0 ELSE 1 END, true
       FROM (SELECT n, (10 + (n::bigint * 2654435761) % 19000 / 100.0)::numeric(16, 2) AS amount,
                    timestamptz '2025-01-01' + ((n::bigint * 40503) % 31536000) * interval '1 second' AS placed
               FROM generate_series(1, $3) AS n) generated`,
    [t, CUSTOMERS, ORDERS],
  );
  await db.query(
    `INSERT INTO order_lines (tenant_id, order_id, line_no, customer_id, product_id, quantity, unit_price, placed_at)
     SELECT tenant_id, order_id, 1, customer_id, ${customerId('2000000000 + (extract(epoch FROM placed_at)::bigint % 20)')}, 1, amount, placed_at FROM orders WHERE tenant_id = $1`,
    [t],
  );
  // Daily rollups: what OrderPlaced and OrderPaid add up, day by day.
  await db.query(
    `INSERT INTO daily_rollups (tenant_id, day, orders_placed, revenue_placed, orders_paid, revenue_paid, orders_paid_late)
     SELECT $1, day, sum(placed)::int, sum(placed_revenue), sum(paid)::int, sum(paid_revenue), sum(late)::int FROM (
       SELECT (placed_at AT TIME ZONE 'UTC')::date AS day, 1 AS placed, amount AS placed_revenue, 0 AS paid, 0 AS paid_revenue, 0 AS late FROM orders WHERE tenant_id = $1
       UNION ALL
       SELECT (paid_at AT TIME ZONE 'UTC')::date, 0, 0, 1, paid_amount, CASE WHEN paid_at > due_at THEN 1 ELSE 0 END FROM orders WHERE tenant_id = $1 AND paid_at IS NOT NULL
     ) contributions GROUP BY day`,
    [t],
  );
  // Subscriptions (before the per-customer refresh, which reads them): one customer in ten, started in 2024 or 2025; a third of 2025's grow, a sixth end.
  await db.query(
    `INSERT INTO mrr_movements (tenant_id, event_id, customer_id, subscription_id, movement, month, amount, customer_mrr_before, customer_mrr_after, currency, occurred_at)
     SELECT $1, gen_random_uuid(), ${customerId('i * 10')}, ${customerId('3000000000 + i')}, 'NEW', to_char(started, 'YYYY-MM'), 100, 0, 100, 'EUR', started
       FROM (SELECT i, timestamptz '2024-07-01' + ((i::bigint * 104729) % 31536000) * interval '1 second' AS started FROM generate_series(1, $2 / 10) AS i) s`,
    [t, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO mrr_movements (tenant_id, event_id, customer_id, subscription_id, movement, month, amount, customer_mrr_before, customer_mrr_after, currency, occurred_at)
     SELECT $1, gen_random_uuid(), customer_id, subscription_id, CASE WHEN i % 2 = 0 THEN 'EXPANSION' ELSE 'CHURN' END, to_char(at, 'YYYY-MM'),
            CASE WHEN i % 2 = 0 THEN 50 ELSE -100 END, 100, CASE WHEN i % 2 = 0 THEN 150 ELSE 0 END, 'EUR', at
       FROM (SELECT row_number() OVER () AS i, customer_id, subscription_id, occurred_at + interval '90 days' AS at FROM mrr_movements WHERE tenant_id = $1) m
      WHERE i % 3 = 0 AND at < '2026-01-01'`,
    [t],
  );
  await db.query(
    `INSERT INTO subscriptions (tenant_id, subscription_id, customer_id, product_id, mrr, currency, started_at, ended_at, last_change_at)
     SELECT $1, subscription_id, customer_id, ${customerId('2000000001')}, (array_agg(customer_mrr_after ORDER BY occurred_at DESC))[1], 'EUR',
            min(occurred_at), max(occurred_at) FILTER (WHERE movement = 'CHURN'), max(occurred_at)
       FROM mrr_movements WHERE tenant_id = $1 GROUP BY subscription_id, customer_id`,
    [t],
  );
  // Per-customer facts and activity spells, by the consumers' own code, 5,000 customers at a time.
  for (let first = 1; first <= CUSTOMERS; first += 5_000) {
    const ids: { id: string }[] = await db.query(`SELECT ${customerId('i')} AS id FROM generate_series($1::int, $2::int) AS i`, [first, Math.min(CUSTOMERS, first + 4_999)]);
    await db.transaction(async (manager) => refreshCustomerPurchases(await enterTenant(manager, t), ids.map((row) => row.id), new Date().toISOString()));
  }
  await db.query(
    `INSERT INTO survey_answers (tenant_id, response_id, customer_id, kind, score, trigger, answered_at)
     SELECT $1, gen_random_uuid(), ${customerId('(i::bigint * 31) % $2 + 1')}, (ARRAY['NPS', 'CSAT', 'CES'])[1 + i % 3],
            CASE i % 3 WHEN 0 THEN i % 11 ELSE 1 + i % 5 END, 'BENCH', timestamptz '2025-01-01' + ((i::bigint * 7717) % 31536000) * interval '1 second'
       FROM generate_series(1, 50000) AS i`,
    [t, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO tickets (tenant_id, ticket_id, customer_id, priority, channel, status, opened_at, first_response_at, resolved_at, sla_breached)
     SELECT $1, gen_random_uuid(), ${customerId('(i::bigint * 37) % $2 + 1')}, (ARRAY['LOW', 'NORMAL', 'HIGH', 'URGENT'])[1 + i % 4], 'email', 'RESOLVED',
            opened, opened + (i % 600) * interval '1 minute', opened + interval '2 days', i % 20 = 0
       FROM (SELECT i, timestamptz '2025-01-01' + ((i::bigint * 6151) % 31536000) * interval '1 second' AS opened FROM generate_series(1, 30000) AS i) g`,
    [t, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO sla_breaches (tenant_id, ticket_id, target, customer_id, priority, due_at, detected_at)
     SELECT tenant_id, ticket_id, 'RESOLUTION', customer_id, priority, opened_at + interval '1 day', opened_at + interval '1 day' FROM tickets WHERE tenant_id = $1 AND sla_breached`,
    [t],
  );
  await db.query(
    `INSERT INTO deals (tenant_id, deal_id, customer_id, pipeline_id, owner_id, amount, currency, stage_id, probability, status, expected_close_at, created_at, closed_at, last_change_at)
     SELECT $1, gen_random_uuid(), ${customerId('(i::bigint * 41) % $2 + 1')}, ${customerId('4000000000')}, ${customerId('5000000000 + i % 25')},
            1000 + i % 9000, 'EUR', ${customerId('4000000001 + i % 4')}, 0.25 * (1 + i % 4),
            (ARRAY['OPEN', 'WON', 'LOST'])[1 + i % 3], created + interval '60 days', created,
            CASE WHEN i % 3 = 0 THEN NULL ELSE created + (10 + i % 80) * interval '1 day' END, created
       FROM (SELECT i, timestamptz '2025-01-01' + ((i::bigint * 5167) % 31536000) * interval '1 second' AS created FROM generate_series(1, 20000) AS i) g`,
    [t, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO leads (tenant_id, lead_id, source, campaign_id, created_at, converted_at, customer_id)
     SELECT $1, gen_random_uuid(), (ARRAY['ads', 'web', 'referral', 'events'])[1 + i % 4], NULL, created,
            CASE WHEN i % 5 = 0 THEN created + interval '20 days' END, CASE WHEN i % 5 = 0 THEN ${customerId('(i::bigint * 43) % $2 + 1')} END
       FROM (SELECT i, timestamptz '2025-01-01' + ((i::bigint * 4271) % 31536000) * interval '1 second' AS created FROM generate_series(1, 50000) AS i) g`,
    [t, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO campaign_spend (tenant_id, event_id, campaign_id, channel, amount, currency, period_start, period_end)
     SELECT $1, gen_random_uuid(), ${customerId('6000000000 + m % 2')}, (ARRAY['ads', 'events'])[1 + m % 2], 25000, 'EUR',
            timestamptz '2025-01-01' + (m - 1) * interval '1 month', timestamptz '2025-01-01' + m * interval '1 month'
       FROM generate_series(1, 12) AS m`,
    [t],
  );
  await db.query(`ANALYZE`);
  const [counts] = await db.query(
    `SELECT (SELECT count(*) FROM orders WHERE tenant_id = $1)::int AS orders, (SELECT count(*) FROM customers WHERE tenant_id = $1)::int AS customers,
            (SELECT count(*) FROM activity_spells WHERE tenant_id = $1)::int AS spells, (SELECT count(*) FROM daily_rollups WHERE tenant_id = $1)::int AS rollup_days`,
    [t],
  );
  console.log(`loaded ${JSON.stringify(counts)} in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

  const token = await tenant.token(['analyst']);
  const endpoint = `http://127.0.0.1:${analytics.port}/graphql`;
  const KPIS = `query($from: DateTime!, $to: DateTime!, $segment: ValueQuadrant) { kpis(from: $from, to: $to, segment: $segment) {
    customers customersAtStart newCustomers churnRate retentionRate netRevenueRetention mrr { amount currency } mrrGrowth nps csat ces
    avgFirstResponseMinutes medianFirstResponseMinutes slaBreachRate leadConversionRate winRate pipelineVelocityPerDay { amount currency }
    cac { amount currency } ltvToCac repeatPurchaseRate avgDaysToSecondPurchase } }`;
  const timingsByVariant: { median: number; p95: number; max: number }[] = [];
  const measure = async (label: string, variables: Record<string, unknown>) => {
    const timings: number[] = [];
    let last: unknown;
    for (let run = 0; run < RUNS + 2; run += 1) {
      const start = performance.now();
      const result = await graphqlRequest(endpoint, KPIS, { token, variables });
      const elapsed = performance.now() - start;
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      // The first two warm the pool and the plan cache.
      if (run >= 2) timings.push(elapsed);
      last = result.data;
    }
    console.log(`${label}: median ${ms(percentile(timings, 50))}, p95 ${ms(percentile(timings, 95))}, max ${ms(Math.max(...timings))} over ${RUNS} calls`);
    timingsByVariant.push({ median: percentile(timings, 50), p95: percentile(timings, 95), max: Math.max(...timings) });
    return last;
  };
  // Whole UTC days (the rollups alone), and bounds inside days (the rollups and those days' rows).
  const periods = [
    { name: 'year', from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
    { name: 'quarter', from: '2025-04-01T00:00:00Z', to: '2025-07-01T00:00:00Z' },
    { name: 'month', from: '2025-06-01T00:00:00Z', to: '2025-07-01T00:00:00Z' },
    { name: '365 days to an instant', from: '2025-01-01T14:37:00Z', to: '2026-01-01T14:37:00Z' },
  ];
  const rows: { period: string; segment: string; median: number; p95: number; max: number; matchesRows: string }[] = [];
  console.log(`load average before: ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  for (const period of periods) {
    for (const segment of [null, ...VALUE_QUADRANTS]) {
      const variables = { from: period.from, to: period.to, segment };
      const answer = (await measure(`kpis, ${period.name}, ${segment ?? 'whole tenant'}`, variables)) as { kpis: Record<string, unknown> };
      if (period.name === 'year' && segment === null) console.log(JSON.stringify(answer));
      const reference = await referenceKpis(db, t, { from: new Date(period.from), to: new Date(period.to) }, segment);
      // Money is rounded to the cent in both; other figures may differ in the last bits (sums in another order).
      const differing = Object.entries(reference).filter(([field, expected]) => {
        const got = answer.kpis[field];
        if (typeof expected === 'number' && typeof got === 'number') return Math.abs(got - expected) > 1e-9 * Math.max(1, Math.abs(expected));
        return JSON.stringify(got) !== JSON.stringify(expected);
      });
      rows.push({ period: period.name, segment: segment ?? 'whole tenant', ...timingsByVariant.at(-1)!, matchesRows: differing.length === 0 ? 'yes' : `no: ${differing.map(([field]) => field).join(', ')}` });
    }
  }
  console.log(`load average after: ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.table(rows.map((row) => ({ ...row, median: ms(row.median), p95: ms(row.p95), max: ms(row.max) })));

  // What the segmentation pays for the rollups: every customer changes quadrant, so the
  // triggers move every customer's facts (the sweep rewrites all rows; most usually keep theirs).
  const resegmentStart = performance.now();
  await db.query(
    `UPDATE customer_segments SET quadrant = CASE quadrant WHEN 'INVEST' THEN 'PROTECT' WHEN 'PROTECT' THEN 'DEVELOP' WHEN 'DEVELOP' THEN 'SERVE_EFFICIENTLY' ELSE 'INVEST' END
      WHERE tenant_id = $1`,
    [t],
  );
  const resegmentMs = performance.now() - resegmentStart;
  const unchangedStart = performance.now();
  await db.query(`UPDATE customer_segments SET updated_at = now() WHERE tenant_id = $1`, [t]);
  const unchangedMs = performance.now() - unchangedStart;
  const year = periods[0]!;
  const after = (await graphqlRequest(endpoint, KPIS, { token, variables: { from: year.from, to: year.to, segment: 'INVEST' } })).data as { kpis: Record<string, unknown> };
  const reference = await referenceKpis(db, t, { from: new Date(year.from), to: new Date(year.to) }, 'INVEST');
  const same = Object.entries(reference).every(([field, expected]) => {
    const got = after.kpis[field];
    return typeof expected === 'number' && typeof got === 'number' ? Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) : JSON.stringify(got) === JSON.stringify(expected);
  });
  console.log(
    `re-segmenting ${CUSTOMERS} customers, every one to another quadrant: ${(resegmentMs / 1000).toFixed(1)} s; rewriting them all unchanged: ${(unchangedMs / 1000).toFixed(1)} s; year INVEST after it matches the rows: ${same ? 'yes' : 'no'}`,
  );
} finally {
  await analytics.stop();
  await postgres.stop();
}
