import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { executeAs, resolveEntities, startServiceForTest, withTenant, type RunningService } from '@rapport/service-kit';
import { createTestTenant, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { customersMergedHandler } from '../src/consumers/customers-merged.handler.js';
import type { AnalyticsContext } from '../src/context.js';
import { expectedPurchases, probabilityAlive } from '../src/modules/clv/bgnbd.js';
import { expectedSpend } from '../src/modules/clv/gamma-gamma.js';
import { analyticsService } from '../src/service.js';

let service: RunningService<AnalyticsContext>;
const queries: string[] = [];

before(async () => {
  service = await startServiceForTest(analyticsService, {
    databaseUrl: testDatabaseUrl('analytics_clv'),
    jwtSecret: TEST_JWT_SECRET,
    onQuery: (sql) => queries.push(sql),
  });
});
after(async () => {
  await service?.stop();
});

const REFIT = `mutation($input: RefitClvModelInput) { refitClvModel(input: $input) { customers repeaters r alpha a b logLikelihood p q gamma fittedAt calibrationEnd } }`;
const MODEL = `{ clvModel { customers repeaters r alpha a b logLikelihood p q gamma calibrationEnd } }`;

async function run(token: string, query: string, variables?: Record<string, unknown>) {
  const result = await executeAs(service.subgraph, { query, ...(variables ? { variables } : {}) }, token);
  if (result.body.kind !== 'single') throw new Error('expected a single result');
  return JSON.parse(JSON.stringify(result.body.singleResult)) as { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** CDNOW_sample written straight into the orders read model (the consumers' part is tested with them), paid when placed. */
async function loadCdnow(tenantId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = readFileSync(new URL('./fixtures/CDNOW_sample.txt', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [master, , date, , dollars] = line.trim().split(/\s+/);
      if (!ids.has(master!)) ids.set(master!, randomUUID());
      const placedAt = `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}T00:00:00Z`;
      return { order_id: randomUUID(), customer_id: ids.get(master!), amount: dollars, placed_at: placedAt };
    });
  await service.dataSource.query(
    `INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, paid_at, paid_amount, payment_count, placed_seen)
     SELECT $1, r.order_id, r.customer_id, r.amount, 'USD', r.placed_at, r.placed_at, r.amount, 1, true
       FROM jsonb_to_recordset($2::jsonb) AS r(order_id uuid, customer_id uuid, amount numeric, placed_at timestamptz)`,
    [tenantId, JSON.stringify(rows)],
  );
  return ids;
}

const within = (actual: number, expected: number, relative: number, name: string) =>
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * relative, `${name} = ${actual}, expected ${expected} ± ${relative * 100}%`);

describe('analytics: refitClvModel, clvModel and the value metrics of a customer', () => {
  const tenant = createTestTenant();
  let ids: Map<string, string>;

  before(async () => {
    ids = await loadCdnow(tenant.tenantId);
  });

  it('fits the published CDNOW model on the purchases up to calibrationEnd and serves it to readers', async () => {
    const refit = await run(await tenant.token(['analyst']), REFIT, { input: { calibrationEnd: '1997-09-30T23:59:59Z' } });
    assert.equal(refit.errors, undefined, JSON.stringify(refit.errors));
    const model = refit.data!['refitClvModel'];
    assert.equal(model.customers, 2357);
    assert.equal(model.repeaters, 946);
    within(model.r, 0.243, 0.01, 'r');
    within(model.alpha, 4.414, 0.01, 'alpha');
    within(model.a, 0.793, 0.01, 'a');
    within(model.b, 2.426, 0.01, 'b');
    assert.ok(Math.abs(model.logLikelihood - -9582.4) <= 0.5, String(model.logLikelihood));
    within(model.p, 6.25, 0.02, 'p');
    within(model.q, 3.74, 0.02, 'q');
    within(model.gamma, 15.44, 0.02, 'gamma');
    assert.equal(model.calibrationEnd, '1997-09-30T23:59:59.000Z');

    const read = await run(await tenant.token(['sales']), MODEL);
    const { fittedAt, ...stored } = model;
    assert.ok(!Number.isNaN(Date.parse(fittedAt)));
    assert.deepEqual(read.data!['clvModel'], stored);
  });

  it('answers a list of customers as of the calibration end in one query over orders', async () => {
    const model = (await run(await tenant.token(['analyst']), MODEL)).data!['clvModel'];
    const bgNbd = { r: model.r, alpha: model.alpha, a: model.a, b: model.b };
    const customer4 = ids.get('00004')!;
    const customer21 = ids.get('00021')!;
    const unknown = randomUUID();
    queries.length = 0;
    const [first, second, third] = await resolveEntities(
      service.subgraph,
      await tenant.token(['sales']),
      'Customer',
      [customer4, customer21, unknown],
      'metrics { historicalValue { amount currency } simpleClv { amount currency } predictedClv { amount } probabilityAlive expectedPurchases twoYears: expectedPurchases(horizonMonths: 24) }',
    );
    // Only the value loader's own query: the service's consumers also read orders while other test
    // files publish to the shared broker.
    assert.equal(queries.filter((sql) => /FROM orders o LEFT JOIN customer_aliases/.test(sql)).length, 1, 'one orders query for the whole list');

    // Customer 00004 bought on 1997-01-01 (29.33), 01-18 (29.73), 08-02 (14.96) and 12-12 (after the
    // calibration end: ignored). x = 2, tx = 213 d / 7 = 30.43 weeks, T = 272 d / 7 = 38.86 weeks.
    const history = { x: 2, tx: 213 / 7, T: 272 / 7 };
    const metrics = first!['metrics'];
    assert.deepEqual(metrics.historicalValue, { amount: 74.02, currency: 'USD' });
    // Average purchase 74.02 / 3 x 3 purchases a year (observed < 1 year counts as 1) x lifespan 1
    // year (no customer was observed a whole year before the calibration end) = 74.02.
    assert.deepEqual(metrics.simpleClv, { amount: 74.02, currency: 'USD' });
    assert.ok(Math.abs(metrics.probabilityAlive - probabilityAlive(bgNbd, history)) < 1e-9);
    assert.ok(Math.abs(metrics.probabilityAlive - 0.7266) < 0.002, String(metrics.probabilityAlive));
    assert.ok(Math.abs(metrics.expectedPurchases - expectedPurchases(bgNbd, 52, history)) < 1e-9);
    assert.ok(Math.abs(metrics.twoYears - expectedPurchases(bgNbd, 104, history)) < 1e-9);
    const spend = expectedSpend({ p: model.p, q: model.q, gamma: model.gamma }, { x: 2, meanSpend: (29.73 + 14.96) / 2 });
    assert.ok(Math.abs(metrics.predictedClv.amount - metrics.expectedPurchases * spend) < 0.01);

    assert.ok(second!['metrics'].expectedPurchases > 0);
    // Never seen: nothing bought, nothing expected, no evidence of a dropout.
    assert.deepEqual(third!['metrics'], {
      historicalValue: { amount: 0, currency: 'USD' },
      simpleClv: { amount: 0, currency: 'USD' },
      predictedClv: { amount: 0 },
      probabilityAlive: 1,
      expectedPurchases: 0,
      twoYears: 0,
    });
  });

  it('refuses a refit to roles other than admin and analyst, a future calibration end and a bad horizon', async () => {
    const sales = await run(await tenant.token(['sales']), REFIT, { input: { calibrationEnd: '1997-09-30T23:59:59Z' } });
    assert.equal(sales.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    const future = await run(await tenant.token(['admin']), REFIT, { input: { calibrationEnd: new Date(Date.now() + 86_400_000).toISOString() } });
    assert.equal(future.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.equal(future.errors?.[0]?.extensions?.['field'], 'input.calibrationEnd');
    // The refused refits left the model as it was.
    const model = (await run(await tenant.token(['analyst']), MODEL)).data!['clvModel'];
    assert.equal(model.calibrationEnd, '1997-09-30T23:59:59.000Z');
    const horizon = await run(await tenant.token(['analyst']), `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { metrics { expectedPurchases(horizonMonths: -1) } } } }`, {
      representations: [{ __typename: 'Customer', id: ids.get('00004') }],
    });
    assert.equal(horizon.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
  });

  it('has no model for a tenant without purchases, and refuses to fit one on nothing', async () => {
    const other = createTestTenant();
    const read = await run(await other.token(['analyst']), MODEL);
    assert.equal(read.data!['clvModel'], null);
    const refit = await run(await other.token(['analyst']), REFIT, { input: { calibrationEnd: '1997-09-30T23:59:59Z' } });
    assert.equal(refit.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.equal((await run(await other.token(['analyst']), MODEL)).data!['clvModel'], null);
  });
});

describe('analytics: purchases of merged customers', () => {
  async function placeOrders(tenantId: string, orders: { customerId: string; day: string; amount: string }[]) {
    await service.dataSource.query(
      `INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, paid_at, paid_amount, payment_count, placed_seen)
       SELECT $1, gen_random_uuid(), r.customer_id, r.amount, 'EUR', r.day, r.day, r.amount, 1, true
         FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, amount numeric, day timestamptz)`,
      [tenantId, JSON.stringify(orders.map((order) => ({ customer_id: order.customerId, amount: order.amount, day: `${order.day}T10:00:00Z` })))],
    );
  }

  it('counts the orders of merged customers for the survivor, even those applied after the merge', async () => {
    const tenant = createTestTenant();
    const [survivor, merged] = [randomUUID(), randomUUID()];
    await placeOrders(tenant.tenantId, [
      { customerId: survivor, day: '2025-01-06', amount: '10.00' },
      { customerId: merged, day: '2025-01-06', amount: '5.00' },
      { customerId: merged, day: '2025-02-03', amount: '20.00' },
    ]);
    const envelope = {
      id: randomUUID(),
      type: 'CustomersMerged',
      version: 1,
      tenantId: tenant.tenantId,
      customerId: survivor,
      occurredAt: '2025-03-01T00:00:00Z',
      producer: 'contacts',
      payload: { survivorId: survivor, mergedIds: [merged], mergedAt: '2025-03-01T00:00:00Z' },
    };
    await withTenant(service.dataSource, tenant.tenantId, (scope) => customersMergedHandler.handleBatch!([envelope], scope));
    // An order of the merged id published before the merge but applied after it.
    await placeOrders(tenant.tenantId, [{ customerId: merged, day: '2025-02-17', amount: '7.00' }]);

    const [owners] = (await service.dataSource.query(
      `SELECT count(*) FILTER (WHERE customer_id = $2)::int AS survivor, count(*) FILTER (WHERE customer_id = $3)::int AS merged FROM orders WHERE tenant_id = $1`,
      [tenant.tenantId, survivor, merged],
    )) as { survivor: number; merged: number }[];
    assert.deepEqual(owners, { survivor: 3, merged: 1 }, 'orders re-pointed at the merge; the late one kept as it came');

    const [metrics] = await resolveEntities(service.subgraph, await tenant.token(['analyst']), 'Customer', [survivor], 'metrics { historicalValue { amount currency } }');
    // 10 + 5 + 20 + 7: every order of both customers, no reference time set (no refit) so as of now.
    assert.deepEqual(metrics!['metrics'].historicalValue, { amount: 42, currency: 'EUR' });

    const refit = await run(await tenant.token(['analyst']), REFIT, { input: { calibrationEnd: '2025-03-01T00:00:00Z' } });
    assert.equal(refit.errors, undefined, JSON.stringify(refit.errors));
    // One customer (the survivor) with purchase days 6 Jan, 3 Feb, 17 Feb: 2 repeat purchases.
    assert.equal(refit.data!['refitClvModel'].customers, 1);
    assert.equal(refit.data!['refitClvModel'].repeaters, 1);
  });
});
