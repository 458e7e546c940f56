import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { resolveEntities } from '@rapport/service-kit';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import { createProduct, errorOf, startSales, type SalesUnderTest } from './support/service.js';

const FIELDS = 'id customer { id } product { id sku } mrr { amount currency } startedAt endedAt';
const START = /* GraphQL */ `mutation Start($input: StartSubscriptionInput!) { startSubscription(input: $input) { subscription { ${FIELDS} } } }`;
const CHANGE = /* GraphQL */ `mutation Change($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { subscription { ${FIELDS} } } }`;
const END = /* GraphQL */ `mutation End($input: EndSubscriptionInput!) { endSubscription(input: $input) { subscription { ${FIELDS} } } }`;

let sales: SalesUnderTest;
let events: EventTap;

before(async () => {
  sales = await startSales();
  events = await tapEvents([TOPICS.subscriptions]);
});
after(async () => {
  await events.stop();
  await sales.stop();
});

async function plans(token: string) {
  const basic = await createProduct(sales, token, { sku: 'BASIC', name: 'Basic', price: 100, recurring: true });
  const addon = await createProduct(sales, token, { sku: 'ADDON', name: 'Add-on', price: 20, recurring: true });
  const once = await createProduct(sales, token, { sku: 'ONCE', name: 'Setup', price: 500 });
  return { basic, addon, once };
}

async function ledger(tenantId: string, customerId: string) {
  return (await sales.service.dataSource.query(
    `SELECT kind, amount::text, customer_mrr_before::text AS before, customer_mrr_after::text AS after, to_char(month, 'YYYY-MM') AS month
       FROM mrr_movements WHERE tenant_id = $1 AND customer_id = $2 ORDER BY occurred_at, kind`,
    [tenantId, customerId],
  )) as { kind: string; amount: string; before: string; after: string; month: string }[];
}

describe('sales-pipeline: subscriptions and MRR', () => {
  it('records new, expansion, contraction, churn and reactivation in the ledger by month, and publishes each movement', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const { basic, addon } = await plans(token);
    const customerId = randomUUID();
    const start = async (productId: string, startedAt: string, mrr?: number) =>
      (await sales.ok(token, START, { input: { customerId, productId, startedAt, ...(mrr === undefined ? {} : { mrr }) } }))['startSubscription'].subscription;
    const main = await start(basic.id, '2025-01-10T00:00:00.000Z');
    assert.deepEqual(main.mrr, { amount: 100, currency: 'USD' });
    const extra = await start(addon.id, '2025-02-01T00:00:00.000Z', 25);
    await sales.ok(token, CHANGE, { input: { subscriptionId: main.id, mrr: 150, changedAt: '2025-03-05T00:00:00.000Z' } });
    await sales.ok(token, CHANGE, { input: { subscriptionId: main.id, mrr: 120, changedAt: '2025-04-05T00:00:00.000Z' } });
    await sales.ok(token, END, { input: { subscriptionId: extra.id, endedAt: '2025-05-01T00:00:00.000Z' } });
    const ended = (await sales.ok(token, END, { input: { subscriptionId: main.id, endedAt: '2025-06-30T00:00:00.000Z' } }))['endSubscription'].subscription;
    assert.equal(ended.endedAt, '2025-06-30T00:00:00.000Z');
    await start(basic.id, '2025-09-01T00:00:00.000Z');

    assert.deepEqual(await ledger(tenant.tenantId, customerId), [
      { kind: 'NEW', amount: '100.00', before: '0.00', after: '100.00', month: '2025-01' },
      { kind: 'EXPANSION', amount: '25.00', before: '100.00', after: '125.00', month: '2025-02' },
      { kind: 'EXPANSION', amount: '50.00', before: '125.00', after: '175.00', month: '2025-03' },
      { kind: 'CONTRACTION', amount: '-30.00', before: '175.00', after: '145.00', month: '2025-04' },
      { kind: 'CONTRACTION', amount: '-25.00', before: '145.00', after: '120.00', month: '2025-05' },
      { kind: 'CHURN', amount: '-120.00', before: '120.00', after: '0.00', month: '2025-06' },
      { kind: 'REACTIVATION', amount: '100.00', before: '0.00', after: '100.00', month: '2025-09' },
    ]);

    const churn = await events.waitFor(tenant.tenantId, (e) => e.type === 'SubscriptionChanged' && e.payload['movement'] === 'CHURN', 'the churn');
    assert.equal(churn.topic, TOPICS.subscriptions);
    assert.equal(churn.key, customerId);
    assert.deepEqual(churn.payload, {
      subscriptionId: main.id,
      productId: basic.id,
      movement: 'CHURN',
      month: '2025-06',
      amount: '-120.00',
      subscriptionMrrBefore: '120.00',
      subscriptionMrrAfter: '0.00',
      customerMrrBefore: '120.00',
      customerMrrAfter: '0.00',
      currency: 'USD',
      startedAt: '2025-01-10T00:00:00.000Z',
      endedAt: '2025-06-30T00:00:00.000Z',
      occurredAt: '2025-06-30T00:00:00.000Z',
    });
    await events.waitFor(tenant.tenantId, (e) => e.payload['movement'] === 'REACTIVATION', 'the reactivation');
    assert.deepEqual(
      events.received(tenant.tenantId).map((e) => e.payload['movement']),
      ['NEW', 'EXPANSION', 'EXPANSION', 'CONTRACTION', 'CONTRACTION', 'CHURN', 'REACTIVATION'],
    );
  });

  it('answers Customer.subscriptions and revenue.mrr from the active subscriptions', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const { basic, addon } = await plans(token);
    const customerId = randomUUID();
    await sales.ok(token, START, { input: { customerId, productId: basic.id, startedAt: '2025-01-01T00:00:00.000Z' } });
    const extra = (await sales.ok(token, START, { input: { customerId, productId: addon.id, startedAt: '2025-01-02T00:00:00.000Z' } }))['startSubscription'].subscription;
    await sales.ok(token, END, { input: { subscriptionId: extra.id } });
    const [customer] = await resolveEntities(sales.service.subgraph, await tenant.token(['support']), 'Customer', [customerId], 'subscriptions { product { sku } mrr { amount } endedAt } revenue { mrr { amount } }');
    assert.deepEqual(customer?.['subscriptions'].map((s: any) => [s.product.sku, s.mrr.amount, s.endedAt !== null]), [['ADDON', 20, true], ['BASIC', 100, false]]);
    assert.deepEqual(customer?.['revenue'].mrr, { amount: 100 });
  });

  it('rejects a one-off product, an unknown product, a zero MRR, a currency mix, and changes to an ended subscription, writing nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const { basic, once } = await plans(token);
    const customerId = randomUUID();
    for (const [input, field] of [
      [{ productId: once.id }, 'productId'],
      [{ productId: randomUUID() }, 'productId'],
      [{ productId: basic.id, mrr: 0 }, 'mrr'],
      [{ productId: basic.id, mrr: -10 }, 'mrr'],
    ] as const) {
      assert.deepEqual(errorOf(await sales.request(token, START, { input: { customerId, ...input } })), { code: 'BAD_USER_INPUT', field }, JSON.stringify(input));
    }
    assert.equal(await sales.count('subscriptions', tenant.tenantId), 0);
    const subscription = (await sales.ok(token, START, { input: { customerId, productId: basic.id } }))['startSubscription'].subscription;
    assert.deepEqual(errorOf(await sales.request(token, START, { input: { customerId, productId: basic.id, currency: 'EUR' } })), { code: 'BAD_USER_INPUT', field: 'currency' });
    await sales.ok(token, END, { input: { subscriptionId: subscription.id } });
    assert.deepEqual(errorOf(await sales.request(token, CHANGE, { input: { subscriptionId: subscription.id, mrr: 5 } })), { code: 'BAD_USER_INPUT', field: 'subscriptionId' });
    assert.deepEqual(errorOf(await sales.request(token, END, { input: { subscriptionId: subscription.id } })), { code: 'BAD_USER_INPUT', field: 'subscriptionId' });
    assert.equal(await sales.count('subscriptions', tenant.tenantId), 1);
    assert.equal(await sales.count('mrr_movements', tenant.tenantId), 2);
  });

  it("answers NOT_FOUND for another tenant's subscription, and refuses support and analyst", async () => {
    const owner = createTestTenant();
    const token = await owner.token();
    const { basic } = await plans(token);
    const subscription = (await sales.ok(token, START, { input: { customerId: randomUUID(), productId: basic.id } }))['startSubscription'].subscription;
    const stranger = await createTestTenant().token();
    assert.equal(errorOf(await sales.request(stranger, CHANGE, { input: { subscriptionId: subscription.id, mrr: 5 } })).code, 'NOT_FOUND');
    assert.equal(errorOf(await sales.request(stranger, END, { input: { subscriptionId: subscription.id } })).code, 'NOT_FOUND');
    assert.deepEqual(errorOf(await sales.request(stranger, START, { input: { customerId: randomUUID(), productId: basic.id } })), { code: 'BAD_USER_INPUT', field: 'productId' });
    for (const role of ['support', 'analyst', 'marketing'] as const) {
      assert.equal(errorOf(await sales.request(await owner.token([role]), END, { input: { subscriptionId: subscription.id } })).code, 'FORBIDDEN');
    }
    assert.equal(await sales.count('mrr_movements', owner.tenantId), 1);
  });
});
