import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createEventConsumer } from '@rapport/messaging';
import { createKafka, parseBrokers } from '@rapport/messaging';
import { createLogger, type RunningService } from '@rapport/service-kit';
import { startServiceForTest } from '@rapport/service-kit';
import { createEventPublisher, createTestTenant, graphqlRequest, identityHeaderFor, TEST_JWT_SECRET, testDatabaseUrl, type EventPublisher } from '@rapport/test-kit';
import { CustomersMergedV1, InteractionRecordedV1, OrderPlacedV1, TicketOpenedV1 } from '@rapport/events';
import { readModelHandlers } from '../src/consumers/index.js';
import type { AnalyticsContext } from '../src/context.js';
import { createAnalyticsService } from '../src/service.js';
import { kpiFixture, publishKpiFixture, readModelCounts, waitForFixture, type KpiFixture } from './kpis-fixture.js';
import { kpiFactMismatches, rollupMismatches } from './support/kpi-rollups.js';

let service: RunningService<AnalyticsContext>;
let publisher: EventPublisher;
const tenant = createTestTenant();
let fixture: KpiFixture;
let orderEnvelopes: Awaited<ReturnType<typeof publishKpiFixture>>['orders'];
const Q1 = { from: '2025-01-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };

const query = (sql: string, parameters: unknown[]) => service.dataSource.query(sql, parameters) as Promise<any[]>;

before(async () => {
  // A consumer group of its own: another test file's analytics service on the same broker
  // would otherwise take half of the partitions into its own database.
  service = await startServiceForTest(createAnalyticsService({ consumerGroup: `analytics-kpis-${randomUUID()}`, churnSweepIntervalMs: 0 }), {
    databaseUrl: testDatabaseUrl('analytics_kpis'),
    jwtSecret: TEST_JWT_SECRET,
  });
  publisher = await createEventPublisher();
  fixture = kpiFixture();
  ({ orders: orderEnvelopes } = await publishKpiFixture(publisher, tenant.tenantId, fixture));
  await waitForFixture(query, tenant.tenantId);
});

after(async () => {
  await publisher?.stop();
  await service?.stop();
});

async function ask(operation: string, variables: Record<string, unknown> = {}, roles: Parameters<typeof tenant.token>[0] = ['analyst'], who = tenant) {
  const result = await graphqlRequest(`http://127.0.0.1:${service.port}/graphql`, operation, { token: await who.token(roles), variables });
  return result;
}

async function data(operation: string, variables: Record<string, unknown> = {}, who = tenant) {
  const result = await ask(operation, variables, ['analyst'], who);
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!;
}

const KPI_FIELDS = `customers customersAtStart newCustomers churnRate retentionRate netRevenueRetention mrr { amount currency } mrrGrowth
  nps csat ces avgFirstResponseMinutes medianFirstResponseMinutes slaBreachRate leadConversionRate winRate
  pipelineVelocityPerDay { amount currency } cac { amount currency } ltvToCac repeatPurchaseRate avgDaysToSecondPurchase`;
const KPIS = `query($from: DateTime!, $to: DateTime!, $segment: ValueQuadrant) { kpis(from: $from, to: $to, segment: $segment) { ${KPI_FIELDS} } }`;

/** Compares figures to hand-computed ones to 1e-9 (floating point), money to the cent. */
function assertFigures(actual: Record<string, unknown>, expected: Record<string, unknown>) {
  for (const [field, value] of Object.entries(expected)) {
    const got = actual[field];
    if (typeof value === 'number' && typeof got === 'number') assert.ok(Math.abs(got - value) < 1e-9, `${field}: expected ${value}, got ${got}`);
    else assert.deepEqual(got, value, field);
  }
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
}

describe('analytics: kpis from the read models', () => {
  it('answers every Kpis field of Q1 2025 as computed by hand', async () => {
    const { kpis } = await data(KPIS, Q1);
    assertFigures(kpis, {
      // Active at 2025-01-01: c1 (bought 2024-06-10, active 365 d), c2 (2024-03-01), c5 and c6 (subscribed) = 4.
      customersAtStart: 4,
      // Active at 2025-04-01: c1, c3, c4 (bought in Q1), c5; c2 lapsed 2025-03-01, c6 churned 2025-03-05 = 4.
      customers: 4,
      // First purchase in Q1: c3 (01-15), c4 (03-10) = 2.
      newCustomers: 2,
      // Lost: c2, c6 = 2; 2 / 4.
      churnRate: 0.5,
      // (E - N) / S = (4 - 2) / 4.
      retentionRate: 0.5,
      // MRR of start customers: start c5 100 + c6 50 = 150; end c5 150 + c6 0 = 150; 150 / 150.
      netRevenueRetention: 1,
      mrr: { amount: 150, currency: 'EUR' },
      // MRR before 2025-03-01: 150 + 50 = 200; (150 - 200) / 200.
      mrrGrowth: -0.25,
      // NPS answers 10, 9, 7, 3 (the 0 of 2024-12-20 is outside): (2 promoters - 1 detractor) / 4 * 100.
      nps: 25,
      // CSAT 5, 4, 2: 2 of 3 are 4-5.
      csat: 200 / 3,
      // CES 2, 3.
      ces: 2.5,
      // Tickets opened in Q1: t1 30 min, t2 120 min, t3 10 min, t4 unanswered: (30 + 120 + 10) / 3; median 30.
      avgFirstResponseMinutes: 160 / 3,
      medianFirstResponseMinutes: 30,
      // t1 breached of 4 opened.
      slaBreachRate: 0.25,
      // Leads created in Q1: l1 (converted 01-20), l2 (converted 04-10, after), l3: 1 / 3.
      leadConversionRate: 1 / 3,
      // Closed in Q1: d1, d2 won, d3 lost: 2 / 3.
      winRate: 2 / 3,
      // Open at 04-01: d4, d5, d6 (won 04-15) = 3; 3 x 2/3 x avg won (1000 + 3000) / 2 = 2000 / avg cycle (61 + 30) / 2 = 45.5 days = 87.912...
      pipelineVelocityPerDay: { amount: 87.91, currency: 'EUR' },
      // Spend 600 (all in Q1) + 200 x 10/20 days (03-22..04-11) = 700; / 2 new customers.
      cac: { amount: 350, currency: 'EUR' },
      // LTV = paid revenue to date 100 + 50 + 200 + 80 + 20 + 40 = 490 / 4 buyers = 122.5; / 350.
      ltvToCac: 0.35,
      // First buyers in Q1: c3 (bought again 01-25), c4: 1 / 2.
      repeatPurchaseRate: 0.5,
      // Second purchases in Q1: c1 2024-06-10 -> 2025-02-01 = 236 d, c3 10 d: (236 + 10) / 2.
      avgDaysToSecondPurchase: 123,
    });
  });

  it('answers null rates for a period with no data, never NaN or a division by zero', async () => {
    const empty = { customersAtStart: 0, customers: 0, newCustomers: 0, churnRate: 0, retentionRate: 0, netRevenueRetention: null, mrrGrowth: null, nps: null, csat: null, ces: null, avgFirstResponseMinutes: null, medianFirstResponseMinutes: null, slaBreachRate: null, leadConversionRate: null, winRate: null, pipelineVelocityPerDay: null, cac: null, ltvToCac: null, repeatPurchaseRate: null, avgDaysToSecondPurchase: null };
    // Before anything happened in this tenant: its currency is known from its orders.
    const { kpis } = await data(KPIS, { from: '2019-01-01T00:00:00Z', to: '2019-02-01T00:00:00Z' });
    assertFigures(kpis, { ...empty, mrr: { amount: 0, currency: 'EUR' } });
    // A tenant with no events at all.
    const { kpis: nothing } = await data(KPIS, Q1, createTestTenant());
    assertFigures(nothing, { ...empty, mrr: { amount: 0, currency: 'USD' } });
  });

  it('restricts customer figures to a value quadrant', async () => {
    // The segmentation job writes customer_segments; here c1 and c3 are INVEST, c2 PROTECT.
    await query(
      `INSERT INTO customer_segments (tenant_id, customer_id, quadrant) VALUES ($1, $2, 'INVEST'), ($1, $3, 'INVEST'), ($1, $4, 'PROTECT')
       ON CONFLICT (tenant_id, customer_id) DO UPDATE SET quadrant = excluded.quadrant`,
      [tenant.tenantId, fixture.customers.c1, fixture.customers.c3, fixture.customers.c2],
    );
    const { kpis } = await data(KPIS, { ...Q1, segment: 'INVEST' });
    assertFigures(kpis, {
      // Start: c1; end: c1, c3; new: c3; none lost.
      customersAtStart: 1,
      customers: 2,
      newCustomers: 1,
      churnRate: 0,
      retentionRate: 1, // (2 - 1) / 1
      netRevenueRetention: null, // no MRR at the start
      mrr: { amount: 0, currency: 'EUR' },
      mrrGrowth: null,
      nps: 50, // c1 10, c3 7: (1 - 0) / 2
      csat: 50, // c1 5, c3 2
      ces: 2, // c1 2
      avgFirstResponseMinutes: 20, // t1 30, t3 10
      medianFirstResponseMinutes: 20,
      slaBreachRate: 0.5, // t1 of t1, t3
      leadConversionRate: 1 / 3, // leads have no segment: the tenant's
      winRate: 1, // d1, d2 won
      pipelineVelocityPerDay: { amount: 43.96, currency: 'EUR' }, // d6 open: 1 x 1 x 2000 / 45.5
      cac: { amount: 350, currency: 'EUR' }, // spend is not split by segment
      ltvToCac: 125 / 350, // (150 + 100) / 2 buyers
      repeatPurchaseRate: 1, // c3
      avgDaysToSecondPurchase: 123, // c1 236, c3 10
    });
  });

  it('refuses callers without the analyst role and periods that end before they start', async () => {
    const denied = await ask(KPIS, Q1, ['sales']);
    assert.equal(denied.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    const backwards = await ask(KPIS, { from: Q1.to, to: Q1.from });
    assert.equal(backwards.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.equal(backwards.errors?.[0]?.extensions?.['field'], 'to');
    const forecastDenied = await ask(`{ revenueForecast { month } }`, {}, ['support']);
    assert.equal(forecastDenied.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
  });

  it('answers cohorts by first-purchase month, leaving out months not begun', async () => {
    const { cohorts } = await data(`query($from: DateTime!, $to: DateTime!) { cohorts(from: $from, to: $to, months: 12) { month size retention } }`, {
      from: '2024-06-01T00:00:00Z',
      to: Q1.to,
    });
    assert.deepEqual(cohorts, [
      // c1: bought in 2024-06 (k = 0) and 2025-02 (k = 8); 10 months begun by 2025-04-01.
      { month: '2024-06', size: 1, retention: [1, 0, 0, 0, 0, 0, 0, 0, 1, 0] },
      // c3: both purchases in January; January to March begun.
      { month: '2025-01', size: 1, retention: [1, 0, 0] },
      { month: '2025-03', size: 1, retention: [1] },
    ]);
  });

  it('forecasts open deals weighted by stage probability by expected close month, plus MRR', async () => {
    const { revenueForecast } = await data(`{ revenueForecast(months: 3, asOf: "2025-04-01T00:00:00Z") { month weightedPipeline { amount } recurring { amount } total { amount } } }`);
    assert.deepEqual(revenueForecast, [
      // d5 500 x 0.1 (no date: first month) + d6 800 x 0.8 (expected 04-30, still open on 04-01) = 690; MRR 150.
      { month: '2025-04', weightedPipeline: { amount: 690 }, recurring: { amount: 150 }, total: { amount: 840 } },
      // d4 2000 x 0.5.
      { month: '2025-05', weightedPipeline: { amount: 1000 }, recurring: { amount: 150 }, total: { amount: 1150 } },
      { month: '2025-06', weightedPipeline: { amount: 0 }, recurring: { amount: 150 }, total: { amount: 150 } },
    ]);
  });

  it('builds the pipeline funnel from stage history', async () => {
    const { pipelineFunnel } = await data(`query($id: ID) { pipelineFunnel(pipelineId: $id) { stage { id } stageName entered converted conversionRate avgDaysInStage } }`, {
      id: fixture.pipelineId,
    });
    assert.equal(pipelineFunnel.length, 3);
    const [qualify, propose, negotiate] = pipelineFunnel;
    // Qualify: all six deals entered; d5 is still there; days 10, 10, 10, 10 (d1-d4) and 59 (d6): 99 / 5.
    assert.deepEqual({ ...qualify, avgDaysInStage: undefined }, { stage: { id: fixture.stages.qualify }, stageName: 'Qualify', entered: 6, converted: 5, conversionRate: 5 / 6, avgDaysInStage: undefined });
    assert.ok(Math.abs(qualify.avgDaysInStage - 19.8) < 1e-9);
    // Propose: d1 (went on after 30 d), d3 (lost after 40 d), d4 (still there).
    assert.deepEqual(propose, { stage: { id: fixture.stages.propose }, stageName: 'Propose', entered: 3, converted: 1, conversionRate: 1 / 3, avgDaysInStage: 35 });
    // Negotiate: d1 21 d, d2 20 d, d6 45 d, all won.
    assert.equal(negotiate.entered, 3);
    assert.equal(negotiate.converted, 3);
    assert.ok(Math.abs(negotiate.avgDaysInStage - 86 / 3) < 1e-9);
  });

  it('tells which product follows a given one, with the share and median days after', async () => {
    const { nextProducts } = await data(`query($id: ID!) { nextProducts(productId: $id) { product { id } customers share medianDaysAfter } }`, { id: fixture.products.A });
    assert.deepEqual(nextProducts, [
      // Buyers of A: c1, c2, c3. c1 bought B 236 d later, c3 B and C 10 d later; c2 nothing.
      { product: { id: fixture.products.B }, customers: 2, share: 2 / 3, medianDaysAfter: 123 },
      { product: { id: fixture.products.C }, customers: 1, share: 1 / 3, medianDaysAfter: 10 },
    ]);
  });

  it('attributes leads, customers, revenue and spend to channels', async () => {
    const { channelAttribution } = await data(
      `query($from: DateTime!, $to: DateTime!) { channelAttribution(from: $from, to: $to) { channel leads customersWon revenue { amount } spend { amount } cac { amount } roi } }`,
      Q1,
    );
    assert.deepEqual(channelAttribution, [
      // l2 (campaign "ads"); c4 came from l0 (ads) and paid 40; spend 700.
      { channel: 'ads', leads: 1, customersWon: 1, revenue: { amount: 40 }, spend: { amount: 700 }, cac: { amount: 700 }, roi: (40 - 700) / 700 },
      { channel: 'referral', leads: 1, customersWon: 0, revenue: { amount: 0 }, spend: { amount: 0 }, cac: null, roi: null },
      // c3 came from l1 (web) and paid 80 + 20.
      { channel: 'web', leads: 1, customersWon: 1, revenue: { amount: 100 }, spend: { amount: 0 }, cac: { amount: 0 }, roi: null },
    ]);
  });

  it('sums each owner’s closed deals', async () => {
    const { ownerPerformance } = await data(
      `query($from: DateTime!, $to: DateTime!) { ownerPerformance(from: $from, to: $to) { ownerId dealsWon dealsLost revenue { amount } winRate avgCycleDays revenuePerCustomer { amount } } }`,
      Q1,
    );
    assert.deepEqual(ownerPerformance, [
      // o1 won d1 (61 d, c1) and d2 (30 d, c3): 4000 over 2 customers.
      { ownerId: fixture.owners.o1, dealsWon: 2, dealsLost: 0, revenue: { amount: 4000 }, winRate: 1, avgCycleDays: 45.5, revenuePerCustomer: { amount: 2000 } },
      { ownerId: fixture.owners.o2, dealsWon: 0, dealsLost: 1, revenue: { amount: 0 }, winRate: 0, avgCycleDays: null, revenuePerCustomer: null },
    ]);
  });

  it('measures feature adoption after first purchase and 12-month retention of adopters', async () => {
    const { featureAdoption } = await data(
      `query($from: DateTime!, $to: DateTime!) { featureAdoption(from: $from, to: $to) { feature cohortSize adoptedWithin30Days adoptedWithin60Days adoptedWithin90Days retention12MonthsAdopters retention12MonthsNonAdopters } }`,
      { from: '2024-06-01T00:00:00Z', to: '2025-07-01T00:00:00Z' },
    );
    assert.deepEqual(featureAdoption, [
      // Cohort c1, c3, c4. export: c4 after 1 d. Only c1 has reached its 12-month mark (2025-06-10), a non-adopter still active.
      { feature: 'export', cohortSize: 3, adoptedWithin30Days: 1 / 3, adoptedWithin60Days: 1 / 3, adoptedWithin90Days: 1 / 3, retention12MonthsAdopters: null, retention12MonthsNonAdopters: 1 },
      // reports: c1 after 10 d, c3 after 5 d, c4 after 52 d.
      { feature: 'reports', cohortSize: 3, adoptedWithin30Days: 2 / 3, adoptedWithin60Days: 1, adoptedWithin90Days: 1, retention12MonthsAdopters: 1, retention12MonthsNonAdopters: null },
    ]);
  });

  it('keeps the numbers and drops the name of an erased customer', async () => {
    const [row] = await query(`SELECT name, revenue_paid::float AS revenue, purchase_days FROM customers WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, fixture.customers.c2]);
    assert.deepEqual(row, { name: null, revenue: 200, purchase_days: 1 });
    const [kept] = await query(`SELECT name FROM customers WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, fixture.customers.c1]);
    assert.equal(kept.name, 'Customer c1');
  });

  it('moves a merged customer’s tickets and usage to the survivor', async () => {
    const other = createTestTenant();
    const [survivor, merged] = [randomUUID(), randomUUID()];
    const usage = (customerId: string) => ({
      tenantId: other.tenantId,
      customerId,
      payload: { interactionId: randomUUID(), kind: 'PRODUCT_USAGE' as const, feature: 'reports', memberId: null, occurredAt: customerId === merged ? '2025-01-06T10:00:00Z' : '2025-01-07T10:00:00Z' },
    });
    await publisher.publish(InteractionRecordedV1, [usage(survivor), usage(merged)]);
    await publisher.publish(TicketOpenedV1, [
      { tenantId: other.tenantId, customerId: merged, payload: { ticketId: randomUUID(), priority: 'URGENT', channel: 'email', status: 'NEW', openedBy: null, openedAt: '2025-01-06T10:00:00Z' } },
    ]);
    const count = async (sql: string) => ((await query(sql, [other.tenantId])) as { n: number }[])[0]!.n;
    const deadline = Date.now() + 60_000;
    while ((await count(`SELECT (SELECT count(*) FROM usage_weeks WHERE tenant_id = $1) + (SELECT count(*) FROM tickets WHERE tenant_id = $1) AS n`)) < 3) {
      assert.ok(Date.now() < deadline, 'events never arrived');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await publisher.publish(CustomersMergedV1, [{ tenantId: other.tenantId, customerId: survivor, payload: { survivorId: survivor, mergedIds: [merged], mergedAt: '2025-02-01T00:00:00Z' } }]);
    while ((await count(`SELECT count(*)::int AS n FROM tickets WHERE tenant_id = $1 AND customer_id = '${survivor}'`)) === 0) {
      assert.ok(Date.now() < deadline, 'the merge was never applied');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Both interactions fall in the week of Monday 2025-01-06: one row of 2 for the survivor.
    assert.deepEqual(await query(`SELECT customer_id, week::text, interactions FROM usage_weeks WHERE tenant_id = $1`, [other.tenantId]), [
      { customer_id: survivor, week: '2025-01-06', interactions: 2 },
    ]);
    assert.deepEqual(await query(`SELECT customer_id, first_used_at FROM feature_first_use WHERE tenant_id = $1`, [other.tenantId]), [
      { customer_id: survivor, first_used_at: new Date('2025-01-06T10:00:00Z') },
    ]);
  });

  it('applies a redelivered order once', async () => {
    const before = await data(KPIS, Q1);
    const rollupsBefore = await query(`SELECT day::text, orders_placed, revenue_placed::text FROM daily_rollups WHERE tenant_id = $1 ORDER BY day`, [tenant.tenantId]);
    await publisher.republish(OrderPlacedV1.topic, orderEnvelopes);
    // An order of another tenant on the same key (so the same partition) marks the end of the redelivery.
    const marker = createTestTenant();
    await publisher.publish(OrderPlacedV1, [
      {
        tenantId: marker.tenantId,
        customerId: fixture.customers.c1,
        payload: { orderId: randomUUID(), lines: [{ productId: fixture.products.A, sku: 'A', quantity: 1, unitPrice: '1.00' }], totalAmount: '1.00', currency: 'EUR', placedAt: '2025-01-01T00:00:00Z', dueAt: null },
      },
    ]);
    const deadline = Date.now() + 60_000;
    while ((await query(`SELECT 1 FROM orders WHERE tenant_id = $1`, [marker.tenantId])).length === 0) {
      assert.ok(Date.now() < deadline, 'the marker order never arrived');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(await query(`SELECT day::text, orders_placed, revenue_placed::text FROM daily_rollups WHERE tenant_id = $1 ORDER BY day`, [tenant.tenantId]), rollupsBefore);
    assert.deepEqual(await rollupMismatches(query, tenant.tenantId), []);
    assert.deepEqual(await data(KPIS, Q1), before);
  });

  it('rebuilds identical read models by replaying the topics from offset 0', async () => {
    const everything = `query($from: DateTime!, $to: DateTime!, $pipeline: ID, $product: ID!) {
      kpis(from: $from, to: $to) { ${KPI_FIELDS} }
      cohorts(from: "2024-01-01T00:00:00Z", to: $to) { month size retention }
      revenueForecast(months: 3, asOf: $to) { month total { amount } }
      pipelineFunnel(pipelineId: $pipeline) { stage { id } entered converted avgDaysInStage }
      nextProducts(productId: $product) { product { id } share medianDaysAfter }
      channelAttribution(from: $from, to: $to) { channel leads customersWon revenue { amount } spend { amount } }
      ownerPerformance(from: $from, to: $to) { ownerId dealsWon revenue { amount } }
      featureAdoption(from: "2024-01-01T00:00:00Z", to: "2025-07-01T00:00:00Z") { feature adoptedWithin30Days retention12MonthsAdopters }
    }`;
    const variables = { ...Q1, pipeline: fixture.pipelineId, product: fixture.products.A };
    const tables = ['customers', 'orders', 'order_lines', 'activity_spells', 'subscriptions', 'mrr_movements', 'stages', 'deals', 'deal_stage_history', 'leads', 'campaigns', 'campaign_spend', 'tickets', 'sla_breaches', 'survey_answers', 'usage_weeks', 'feature_first_use', 'daily_rollups', 'customer_kpi_facts', 'customer_active_spells'];
    // Sums kept by triggers: emptied after their sources (which take back what they added), checked against them after.
    const rollups = ['kpi_daily', 'kpi_pairs'];
    const snapshot = async () => {
      const rows: Record<string, unknown[]> = {};
      for (const table of tables) {
        const all = await query(`SELECT * FROM ${table} WHERE tenant_id = $1`, [tenant.tenantId]);
        // Bookkeeping columns say when a row was last touched, not what it holds.
        rows[table] = all.map(({ last_event_at: _touched, events_applied: _applied, ...row }) => JSON.stringify(row)).sort();
      }
      return rows;
    };
    const figuresBefore = await data(everything, variables);
    const rowsBefore = await snapshot();
    assert.ok(rowsBefore['orders']!.length === 6 && rowsBefore['daily_rollups']!.length > 0);

    for (const table of [...tables, ...rollups]) await query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenant.tenantId]);
    assert.equal((await readModelCounts(query, tenant.tenantId)).orders, 0);

    // A fresh consumer group starts at offset 0 of every topic and has no inbox entries yet.
    const rebuild = createEventConsumer({
      kafka: createKafka({ brokers: parseBrokers(process.env['KAFKA_BROKERS']!), clientId: 'analytics-rebuild', logger: createLogger({ name: 'rebuild', level: 'error' }) }),
      dataSource: service.dataSource,
      logger: createLogger({ name: 'rebuild', level: 'error' }),
      groupId: `analytics-rebuild-${randomUUID()}`,
      handlers: readModelHandlers,
      chunkSize: 1000,
    });
    await rebuild.start();
    try {
      await waitForFixture(query, tenant.tenantId);
      // The redelivered orders and the marker are in the topics too: wait until the replay passed them.
      const deadline = Date.now() + 60_000;
      while (JSON.stringify(await snapshot()) !== JSON.stringify(rowsBefore) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await rebuild.stop();
    }
    assert.deepEqual(await snapshot(), rowsBefore);
    assert.deepEqual(await kpiFactMismatches(query, tenant.tenantId), []);
    assert.deepEqual(await rollupMismatches(query, tenant.tenantId), []);
    assert.deepEqual(await data(everything, variables), figuresBefore);
  });

  it('streams every list as CSV with the same identity check and neutralised cells', async () => {
    const token = await tenant.token(['analyst']);
    const url = (path: string) => `http://127.0.0.1:${service.port}${path}`;
    const kpisCsv = await fetch(url(`/export/kpis.csv?from=${Q1.from}&to=${Q1.to}`), { headers: await identityHeaderFor(token) });
    assert.equal(kpisCsv.status, 200);
    assert.match(kpisCsv.headers.get('content-type') ?? '', /text\/csv/);
    const [header, row, ...rest] = (await kpisCsv.text()).trim().split('\n');
    assert.equal(rest.length, 0);
    const cells = Object.fromEntries(header!.split(',').map((name, index) => [name, row!.split(',')[index]]));
    assert.equal(cells['customers'], '4');
    assert.equal(cells['mrrAmount'], '150');
    assert.equal(cells['mrrCurrency'], 'EUR');
    // A negative number begins with "-": neutralised like any formula, so a spreadsheet shows text.
    assert.equal(cells['mrrGrowth'], "'-0.25");
    assert.equal(cells['nps'], '25');

    const channels = await fetch(url(`/export/channelAttribution.csv?from=${Q1.from}&to=${Q1.to}`), { headers: await identityHeaderFor(token) });
    const lines = (await channels.text()).trim().split('\n');
    assert.equal(lines[0], 'channel,leads,customersWon,revenueAmount,revenueCurrency,spendAmount,spendCurrency,cacAmount,cacCurrency,roi');
    assert.equal(lines[1], `ads,1,1,40,EUR,700,EUR,700,EUR,'${(40 - 700) / 700}`);

    const segments = await fetch(url(`/export/segmentSummary.csv`), { headers: await identityHeaderFor(token) });
    assert.deepEqual((await segments.text()).trim().split('\n'), [
      'quadrant,customers,revenueAmount,revenueCurrency',
      // Written in the segment test above: c1, c3 INVEST; c2 PROTECT.
      'INVEST,2,0,EUR',
      'PROTECT,1,0,EUR',
      'DEVELOP,0,0,EUR',
      'SERVE_EFFICIENTLY,0,0,EUR',
    ]);
    const risky = await fetch(url(`/export/atRiskCustomers.csv?level=HIGH`), { headers: await identityHeaderFor(token) });
    assert.equal((await risky.text()).trim().split('\n')[0], 'customerId,level,score');
    const cohortsCsv = await fetch(url(`/export/cohorts.csv?from=2024-06-01T00:00:00Z&to=${Q1.to}&months=3`), { headers: await identityHeaderFor(token) });
    assert.deepEqual((await cohortsCsv.text()).trim().split('\n'), ['month,size,month0,month1,month2', '2024-06,1,1,0,0', '2025-01,1,1,0,0', '2025-03,1,1,,']);

    const anonymous = await fetch(url(`/export/kpis.csv?from=${Q1.from}&to=${Q1.to}`), { headers: { authorization: `Bearer ${token}` } });
    assert.equal(anonymous.status, 401, 'a bare client token is not the gateway identity');
    const forbidden = await fetch(url(`/export/kpis.csv?from=${Q1.from}&to=${Q1.to}`), { headers: await identityHeaderFor(await tenant.token(['support'])) });
    assert.equal(forbidden.status, 403);
    const bad = await fetch(url(`/export/kpis.csv?from=nope&to=${Q1.to}`), { headers: await identityHeaderFor(token) });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { field?: string }).field, 'from');
    const unknown = await fetch(url(`/export/nothing.csv`), { headers: await identityHeaderFor(token) });
    assert.equal(unknown.status, 404);
  });
});
