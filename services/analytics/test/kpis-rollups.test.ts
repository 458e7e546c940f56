import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CustomersMergedV1 } from '@rapport/events';
import { enterTenant, startServiceForTest, withTenant, type RunningService } from '@rapport/service-kit';
import { createEventPublisher, createTestTenant, TEST_JWT_SECRET, testDatabaseUrl, type EventPublisher } from '@rapport/test-kit';
import type { AnalyticsContext } from '../src/context.js';
import { computeKpis, VALUE_QUADRANTS, type KpisModel, type ValueQuadrant } from '../src/modules/kpis/kpis.service.js';
import { refreshCustomerPurchases } from '../src/consumers/customer-purchases.js';
import { refreshKpiFacts } from '../src/consumers/kpi-facts.js';
import { createAnalyticsService } from '../src/service.js';
import { seededRandom } from './support/churn-dataset.js';
import { kpiFactMismatches, rollupMismatches } from './support/kpi-rollups.js';
import { referenceKpis } from './support/kpis-reference.js';
import { publishRandomTenant, waitForRandomTenant, type RandomTenant } from './support/kpis-random-tenant.js';

let service: RunningService<AnalyticsContext>;
let publisher: EventPublisher;
const tenant = createTestTenant();
let generated: RandomTenant;
const random = seededRandom(20251123);

const query = (sql: string, parameters: unknown[]) => service.dataSource.query(sql, parameters) as Promise<any[]>;
const appQuery = (sql: string, parameters: unknown[]) => service.appDataSource.query(sql, parameters) as Promise<any[]>;

before(async () => {
  service = await startServiceForTest(createAnalyticsService({ consumerGroup: `analytics-kpi-rollups-${randomUUID()}`, churnSweepIntervalMs: 0 }), {
    databaseUrl: testDatabaseUrl('analytics_kpi_rollups'),
    jwtSecret: TEST_JWT_SECRET,
  });
  publisher = await createEventPublisher();
  generated = await publishRandomTenant(publisher, tenant.tenantId, 7);
  await waitForRandomTenant(query, tenant.tenantId, generated.counts);
});

after(async () => {
  await publisher?.stop();
  await service?.stop();
});

const kpisOf = (tenantId: string, from: string, to: string, segment: ValueQuadrant | null) =>
  computeKpis((work) => withTenant(service.appDataSource, tenantId, work), tenantId, { from: new Date(from), to: new Date(to) }, segment);

/** Same figures: counts exactly, rates to 1e-9 (sums taken in another order), money to the cent. */
function assertSameFigures(actual: KpisModel, expected: KpisModel, label: string) {
  for (const [field, value] of Object.entries(expected) as [keyof KpisModel, unknown][]) {
    const got = actual[field];
    if (typeof value === 'number' && typeof got === 'number') assert.ok(Math.abs(got - value) <= 1e-9 * Math.max(1, Math.abs(value)), `${label} ${field}: rows ${value}, rollups ${got}`);
    else assert.deepEqual(got, value, `${label} ${field}`);
  }
}

/** Period bounds: midnights, instants facts happen at (an edge of `[from, to)`), and any minute. */
function bound(): string {
  const choice = random();
  if (choice < 0.4) return new Date(Date.parse('2024-01-01T00:00:00Z') + Math.floor(random() * 731) * 86_400_000).toISOString();
  if (choice < 0.8) return generated.instants[Math.floor(random() * generated.instants.length)]!;
  return new Date(Date.parse('2024-01-01T00:00:00Z') + Math.floor(random() * 731 * 1440) * 60_000).toISOString();
}

function periods(count: number): { from: string; to: string }[] {
  const result = [
    { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
    { from: '2024-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
    // Both bounds inside one day.
    { from: '2025-03-10T06:30:00.000Z', to: '2025-03-10T18:00:00.000Z' },
  ];
  while (result.length < count) {
    const [a, b] = [bound(), bound()];
    if (a !== b) result.push(a < b ? { from: a, to: b } : { from: b, to: a });
  }
  return result;
}

async function assertMatchesRows(tenantId: string, count: number): Promise<KpisModel[]> {
  const answers: KpisModel[] = [];
  for (const { from, to } of periods(count)) {
    for (const segment of [null, VALUE_QUADRANTS[Math.floor(random() * VALUE_QUADRANTS.length)]!]) {
      const label = `[${from}, ${to}) ${segment ?? 'all'}`;
      const answer = await kpisOf(tenantId, from, to, segment);
      assertSameFigures(answer, await referenceKpis(service.dataSource, tenantId, { from: new Date(from), to: new Date(to) }, segment), label);
      answers.push(answer);
    }
  }
  return answers;
}

describe('analytics: kpis from the rollups', () => {
  it('keeps the rollups equal to what their facts add up to', async () => {
    assert.deepEqual(await kpiFactMismatches(query, tenant.tenantId), []);
    assert.deepEqual(await rollupMismatches(query, tenant.tenantId), []);
    const [{ days }] = await query(`SELECT count(*)::int AS days FROM kpi_daily WHERE tenant_id = $1`, [tenant.tenantId]);
    assert.ok(days > 100, `${days} days of rollups`);
  });

  it('answers as the rows do, for whole days and bounds inside a day, with and without a segment', async () => {
    // The segmentation writes customer_segments; here three quarters of the customers get a quadrant.
    const quadrants = generated.customerIds.flatMap((customerId) => (random() < 0.75 ? [{ customer_id: customerId, quadrant: VALUE_QUADRANTS[Math.floor(random() * 4)] }] : []));
    await query(
      `INSERT INTO customer_segments (tenant_id, customer_id, quadrant) SELECT $1, customer_id, quadrant FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, quadrant text)`,
      [tenant.tenantId, JSON.stringify(quadrants)],
    );
    assert.deepEqual(await rollupMismatches(query, tenant.tenantId), []);
    const answers = await assertMatchesRows(tenant.tenantId, 40);
    // The generated tenant gives every kind of figure something to count in some period.
    for (const field of ['customersAtStart', 'churnRate', 'netRevenueRetention', 'nps', 'slaBreachRate', 'leadConversionRate', 'winRate', 'repeatPurchaseRate'] as const) {
      assert.ok(answers.some((answer) => (answer[field] ?? 0) > 0), `no period with ${field} above 0`);
    }
  });

  it('moves a re-segmented customer’s facts to its new quadrant', async () => {
    await query(
      `UPDATE customer_segments SET quadrant = CASE quadrant WHEN 'INVEST' THEN 'PROTECT' WHEN 'PROTECT' THEN 'DEVELOP' ELSE quadrant END, updated_at = now()
        WHERE tenant_id = $1`,
      [tenant.tenantId],
    );
    await query(`DELETE FROM customer_segments WHERE tenant_id = $1 AND quadrant = 'DEVELOP' AND customer_id < $2`, [tenant.tenantId, generated.customerIds[5]]);
    await query(`INSERT INTO customer_segments (tenant_id, customer_id, quadrant) VALUES ($1, $2, 'INVEST') ON CONFLICT (tenant_id, customer_id) DO UPDATE SET quadrant = 'INVEST'`, [
      tenant.tenantId,
      generated.customerIds[0],
    ]);
    assert.deepEqual(await rollupMismatches(query, tenant.tenantId), []);
    await assertMatchesRows(tenant.tenantId, 10);
  });

  it('moves a merged customer’s purchases, subscriptions, answers and deals to the survivor', async () => {
    const [survivor, merged] = [generated.customerIds[1]!, generated.customerIds[2]!];
    await publisher.publish(CustomersMergedV1, [{ tenantId: tenant.tenantId, customerId: survivor, payload: { survivorId: survivor, mergedIds: [merged], mergedAt: '2025-06-01T00:00:00Z' } }]);
    const deadline = Date.now() + 60_000;
    while ((await query(`SELECT 1 FROM customer_aliases WHERE tenant_id = $1 AND merged_id = $2`, [tenant.tenantId, merged])).length === 0) {
      assert.ok(Date.now() < deadline, 'the merge was never applied');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(await query(`SELECT 1 FROM customer_kpi_facts WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, merged]), []);
    assert.deepEqual(await kpiFactMismatches(query, tenant.tenantId), []);
    assert.deepEqual(await rollupMismatches(query, tenant.tenantId), []);
    await assertMatchesRows(tenant.tenantId, 10);
  });

  it('refreshes a customer from an order and a subscription change applied at the same time', async () => {
    // Orders and subscriptions travel on two topics: two consumer transactions may refresh one
    // customer at once, each without the other's uncommitted rows. Here the order alone changes
    // nothing the rollups count (the subscription covers it), so only a lock makes the second
    // refresh wait and see it.
    const other = createTestTenant();
    const customerId = randomUUID();
    const subscriptionId = randomUUID();
    for (const placedAt of ['2023-06-01T10:00:00Z', '2023-07-01T10:00:00Z']) {
      await query(`INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, placed_seen) VALUES ($1, $2, $3, 40, 'EUR', $4, true)`, [
        other.tenantId,
        randomUUID(),
        customerId,
        placedAt,
      ]);
    }
    await query(
      `INSERT INTO subscriptions (tenant_id, subscription_id, customer_id, product_id, mrr, currency, started_at, last_change_at)
       VALUES ($1, $2, $3, $2, 100, 'EUR', '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z')`,
      [other.tenantId, subscriptionId, customerId],
    );
    await service.dataSource.transaction(async (manager) => refreshCustomerPurchases(await enterTenant(manager, other.tenantId), [customerId], '2023-07-01T10:00:00Z'));
    assert.deepEqual(await query(`SELECT starts_at, ends_at = 'infinity' AS endless FROM customer_active_spells WHERE tenant_id = $1`, [other.tenantId]), [
      { starts_at: new Date('2023-01-01T00:00:00Z'), endless: true },
    ]);

    const orders = service.dataSource.createQueryRunner();
    const subscriptions = service.dataSource.createQueryRunner();
    try {
      await orders.connect();
      await subscriptions.connect();
      await orders.startTransaction();
      await subscriptions.startTransaction();
      await orders.query(`INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, placed_seen) VALUES ($1, $2, $3, 40, 'EUR', '2025-03-01T10:00:00Z', true)`, [
        other.tenantId,
        randomUUID(),
        customerId,
      ]);
      await refreshCustomerPurchases(await enterTenant(orders.manager, other.tenantId), [customerId], '2025-03-01T10:00:00Z');
      await subscriptions.query(`UPDATE subscriptions SET ended_at = '2023-12-31T00:00:00Z', last_change_at = '2023-12-31T00:00:00Z' WHERE tenant_id = $1`, [other.tenantId]);
      const [{ pid }] = await subscriptions.query(`SELECT pg_backend_pid() AS pid`);
      const refreshed = refreshKpiFacts(await enterTenant(subscriptions.manager, other.tenantId), [customerId]);
      const deadline = Date.now() + 30_000;
      while ((await appQuery(`SELECT 1 FROM pg_locks WHERE pid = $1 AND NOT granted`, [pid])).length === 0) {
        assert.ok(Date.now() < deadline, 'the second refresh never waited for the first');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await orders.commitTransaction();
      await refreshed;
      await subscriptions.commitTransaction();
    } finally {
      if (orders.isTransactionActive) await orders.rollbackTransaction();
      if (subscriptions.isTransactionActive) await subscriptions.rollbackTransaction();
      await orders.release();
      await subscriptions.release();
    }
    // The subscription's year joined to the purchases' (2023-07-01 + 365 days), then the 2025 purchase's year.
    assert.deepEqual(await query(`SELECT starts_at, ends_at FROM customer_active_spells WHERE tenant_id = $1 ORDER BY starts_at`, [other.tenantId]), [
      { starts_at: new Date('2023-01-01T00:00:00Z'), ends_at: new Date('2024-06-30T00:00:00Z') },
      { starts_at: new Date('2025-03-01T00:00:00Z'), ends_at: new Date('2026-03-01T00:00:00Z') },
    ]);
    assert.deepEqual(await kpiFactMismatches(query, other.tenantId), []);
    assert.deepEqual(await rollupMismatches(query, other.tenantId), []);
  });

  // Two transactions held open on purpose: one writes a payment, the other re-segments the
  // payer. Whichever locks the customer first, the payment ends up in the quadrant the customer
  // ends up in.
  for (const first of ['payment', 'segment'] as const) {
    it(`counts a payment in its customer’s final quadrant when the ${first} is written first`, async () => {
      const other = createTestTenant();
      const customerId = randomUUID();
      await query(`INSERT INTO customers (tenant_id, customer_id, kind, created_at, last_event_at) VALUES ($1, $2, 'BUSINESS', now(), now())`, [other.tenantId, customerId]);
      await query(`INSERT INTO customer_segments (tenant_id, customer_id, quadrant) VALUES ($1, $2, 'INVEST')`, [other.tenantId, customerId]);
      const payment = service.dataSource.createQueryRunner();
      const segmentation = service.dataSource.createQueryRunner();
      try {
        await payment.connect();
        await segmentation.connect();
        await payment.startTransaction();
        await segmentation.startTransaction();
        const pay = () =>
          payment.query(
            `INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, paid_at, paid_amount, payment_count, placed_seen)
             VALUES ($1, $2, $3, 40, 'EUR', '2025-05-01T10:00:00Z', '2025-05-02T10:00:00Z', 40, 1, true)`,
            [other.tenantId, randomUUID(), customerId],
          );
        const resegment = () => segmentation.query(`UPDATE customer_segments SET quadrant = 'PROTECT' WHERE tenant_id = $1 AND customer_id = $2`, [other.tenantId, customerId]);
        const [holder, waiter] = first === 'payment' ? [payment, segmentation] : [segmentation, payment];
        await (first === 'payment' ? pay() : resegment());
        const [{ pid }] = await waiter.query(`SELECT pg_backend_pid() AS pid`);
        const waiting = first === 'payment' ? resegment() : pay();
        // The second waits for the customer's row lock held by the first.
        const deadline = Date.now() + 30_000;
        while ((await appQuery(`SELECT 1 FROM pg_locks WHERE pid = $1 AND NOT granted`, [pid])).length === 0) {
          assert.ok(Date.now() < deadline, `the ${first === 'payment' ? 'segmentation' : 'payment'} never waited for the customer`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await holder.commitTransaction();
        await waiting;
        await waiter.commitTransaction();
      } finally {
        if (payment.isTransactionActive) await payment.rollbackTransaction();
        if (segmentation.isTransactionActive) await segmentation.rollbackTransaction();
        await payment.release();
        await segmentation.release();
      }
      assert.deepEqual(await rollupMismatches(query, other.tenantId), []);
      assert.deepEqual(await query(`SELECT quadrant, revenue_paid::float8 AS revenue FROM kpi_daily WHERE tenant_id = $1 AND revenue_paid <> 0`, [other.tenantId]), [
        { quadrant: 'PROTECT', revenue: 40 },
      ]);
    });
  }
});
