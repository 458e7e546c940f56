import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { resolveEntities } from '@rapport/service-kit';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import {
  createProduct,
  errorOf,
  PLACE_ORDER,
  placeOrder,
  RECORD_PAYMENT,
  startSales,
  type SalesUnderTest,
} from './support/service.js';

let sales: SalesUnderTest;
let events: EventTap;

before(async () => {
  sales = await startSales();
  events = await tapEvents([TOPICS.orders]);
});
after(async () => {
  await events.stop();
  await sales.stop();
});

async function catalogue(token: string) {
  const seat = await createProduct(sales, token, { sku: 'SEAT', name: 'Seat', price: 12.5 });
  const setup = await createProduct(sales, token, { sku: 'SETUP', name: 'Setup', price: 100.1 });
  return { seat, setup };
}

async function pay(token: string, orderId: string, amount: number, paidAt?: string) {
  return sales.request(token, RECORD_PAYMENT, { input: { orderId, amount, ...(paidAt ? { paidAt } : {}) } });
}

describe('sales-pipeline: orders and payments', () => {
  it('computes the total from product prices, copies unit prices, and publishes OrderPlaced keyed by customer', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const { seat, setup } = await catalogue(token);
    const customerId = randomUUID();
    const order = await placeOrder(sales, token, {
      customerId,
      lines: [
        { productId: seat.id, quantity: 3 },
        { productId: setup.id, quantity: 1 },
      ],
      placedAt: '2025-03-01T10:00:00.000Z',
      dueAt: '2025-03-31T10:00:00.000Z',
    });
    assert.deepEqual(order.total, { amount: 137.6, currency: 'USD' });
    assert.deepEqual(order.customer, { id: customerId });
    assert.deepEqual(
      order.lines.map((line: any) => [line.product.sku, line.quantity, line.unitPrice.amount]),
      [['SEAT', 3, 12.5], ['SETUP', 1, 100.1]],
    );
    assert.equal(order.placedAt, '2025-03-01T10:00:00.000Z');
    assert.equal(order.status, 'UNPAID');
    assert.equal(order.paidAt, null);
    // The due date is in the past and nothing is paid: overdue is derived.
    assert.equal(order.overdue, true);

    // A later price change does not rewrite the order.
    await createProduct(sales, token, { sku: 'SEAT', name: 'Seat', price: 99 });
    const [customer] = await resolveEntities(sales.service.subgraph, token, 'Customer', [customerId], 'orders { edges { node { total { amount } lines { unitPrice { amount } } } } }');
    assert.equal(customer?.['orders'].edges[0].node.total.amount, 137.6);
    assert.equal(customer?.['orders'].edges[0].node.lines[0].unitPrice.amount, 12.5);

    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'OrderPlaced', 'OrderPlaced');
    assert.equal(event.topic, TOPICS.orders);
    assert.equal(event.key, customerId);
    assert.equal(event.customerId, customerId);
    assert.deepEqual(event.payload, {
      orderId: order.id,
      lines: [
        { productId: seat.id, sku: 'SEAT', quantity: 3, unitPrice: '12.50' },
        { productId: setup.id, sku: 'SETUP', quantity: 1, unitPrice: '100.10' },
      ],
      totalAmount: '137.60',
      currency: 'USD',
      placedAt: '2025-03-01T10:00:00.000Z',
      dueAt: '2025-03-31T10:00:00.000Z',
    });
  });

  it('defaults placedAt to now', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const { seat } = await catalogue(token);
    const before = Date.now();
    const order = await placeOrder(sales, token, { customerId: randomUUID(), lines: [{ productId: seat.id, quantity: 1 }] });
    assert.ok(Date.parse(order.placedAt) >= before - 1000);
    assert.equal(order.overdue, false);
  });

  it('rejects zero or negative quantities, unknown and foreign products, and an empty order, writing nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const { seat } = await catalogue(token);
    const foreign = await createProduct(sales, await createTestTenant().token(), { sku: 'F', name: 'F', price: 1 });
    const customerId = randomUUID();
    const cases: [unknown[], string][] = [
      [[{ productId: seat.id, quantity: -2 }], 'lines[0].quantity'],
      [[{ productId: seat.id, quantity: 1 }, { productId: seat.id, quantity: 0 }], 'lines[1].quantity'],
      [[{ productId: randomUUID(), quantity: 1 }], 'lines[0].productId'],
      [[{ productId: 'not-an-id', quantity: 1 }], 'lines[0].productId'],
      [[{ productId: seat.id, quantity: 1 }, { productId: foreign.id, quantity: 1 }], 'lines[1].productId'],
      [[], 'lines'],
    ];
    for (const [lines, field] of cases) {
      const result = await sales.request(token, PLACE_ORDER, { input: { customerId, lines } });
      assert.deepEqual(errorOf(result), { code: 'BAD_USER_INPUT', field }, JSON.stringify(lines));
    }
    assert.equal(await sales.count('orders', tenant.tenantId), 0);
    assert.equal(await sales.count('order_lines', tenant.tenantId), 0);
    assert.equal(events.received(tenant.tenantId).length, 0);
  });

  it('refuses to place orders for marketing, support and analyst', async () => {
    const tenant = createTestTenant();
    const { seat } = await catalogue(await tenant.token());
    for (const role of ['marketing', 'support', 'analyst'] as const) {
      const result = await sales.request(await tenant.token([role]), PLACE_ORDER, {
        input: { customerId: randomUUID(), lines: [{ productId: seat.id, quantity: 1 }] },
      });
      assert.equal(errorOf(result).code, 'FORBIDDEN', role);
    }
    assert.equal(await sales.count('orders', tenant.tenantId), 0);
  });

  it('takes partial payments, marks the order paid by the one that completes it, and publishes OrderPaid once', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const { setup } = await catalogue(token);
    const customerId = randomUUID();
    const order = await placeOrder(sales, token, {
      customerId,
      lines: [{ productId: setup.id, quantity: 2 }],
      placedAt: '2025-01-01T00:00:00.000Z',
      dueAt: '2025-02-01T00:00:00.000Z',
    });
    const first = await pay(token, order.id, 50.2, '2025-01-10T00:00:00.000Z');
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const partial = (first.data as any).recordPayment.order;
    assert.equal(partial.status, 'PARTIALLY_PAID');
    assert.equal(partial.paidAt, null);
    assert.equal(partial.balance.amount, 150);

    const tooMuch = await pay(token, order.id, 150.01);
    assert.deepEqual(errorOf(tooMuch), { code: 'BAD_USER_INPUT', field: 'amount' });
    assert.equal(await sales.count('payments', tenant.tenantId), 1);

    const last = await pay(token, order.id, 150, '2025-01-20T00:00:00.000Z');
    const paid = (last.data as any).recordPayment.order;
    assert.equal(paid.status, 'PAID');
    assert.equal(paid.paidAt, '2025-01-20T00:00:00.000Z');
    assert.equal(paid.balance.amount, 0);
    assert.equal(paid.overdue, false);

    const afterPaid = await pay(token, order.id, 0.01);
    assert.deepEqual(errorOf(afterPaid), { code: 'BAD_USER_INPUT', field: 'amount' });

    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'OrderPaid', 'OrderPaid');
    assert.equal(event.key, customerId);
    assert.deepEqual(event.payload, {
      orderId: order.id,
      totalAmount: '200.20',
      currency: 'USD',
      paymentCount: 2,
      placedAt: '2025-01-01T00:00:00.000Z',
      dueAt: '2025-02-01T00:00:00.000Z',
      paidAt: '2025-01-20T00:00:00.000Z',
    });
    await events.waitFor(tenant.tenantId, (e) => e.type === 'OrderPlaced', 'OrderPlaced');
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'OrderPaid').length, 1);
  });

  it('rejects zero and negative payments', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const { seat } = await catalogue(token);
    const order = await placeOrder(sales, token, { customerId: randomUUID(), lines: [{ productId: seat.id, quantity: 1 }] });
    for (const amount of [0, -5]) assert.deepEqual(errorOf(await pay(token, order.id, amount)), { code: 'BAD_USER_INPUT', field: 'amount' });
    assert.equal(await sales.count('payments', tenant.tenantId), 0);
  });

  it("answers NOT_FOUND for a payment on another tenant's order, and shows it no orders", async () => {
    const owner = createTestTenant();
    const ownerToken = await owner.token();
    const { seat } = await catalogue(ownerToken);
    const customerId = randomUUID();
    const order = await placeOrder(sales, ownerToken, { customerId, lines: [{ productId: seat.id, quantity: 1 }] });
    const other = createTestTenant();
    const otherToken = await other.token();
    assert.equal(errorOf(await pay(otherToken, order.id, 1)).code, 'NOT_FOUND');
    assert.equal(errorOf(await pay(otherToken, randomUUID(), 1)).code, 'NOT_FOUND');
    const [customer] = await resolveEntities(sales.service.subgraph, otherToken, 'Customer', [customerId], 'orders { totalCount edges { node { id } } } revenue { orderCount }');
    assert.deepEqual(customer, { orders: { totalCount: 0, edges: [] }, revenue: { orderCount: 0 } });
    assert.equal(await sales.count('payments', owner.tenantId), 0);
  });

  it('pages a customer\'s orders newest first with cursors', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const { seat } = await catalogue(token);
    const customerId = randomUUID();
    const ids: string[] = [];
    for (let day = 1; day <= 5; day += 1) {
      const order = await placeOrder(sales, token, { customerId, lines: [{ productId: seat.id, quantity: day }], placedAt: `2025-05-0${day}T00:00:00.000Z` });
      ids.push(order.id);
    }
    const page = async (after: string | null) =>
      (await resolveEntities(sales.service.subgraph, token, 'Customer', [customerId], `orders(first: 2, after: ${after ? JSON.stringify(after) : 'null'}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }`))[0]?.['orders'];
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const orders = await page(cursor);
      assert.equal(orders.totalCount, 5);
      seen.push(...orders.edges.map((edge: any) => edge.node.id));
      if (!orders.pageInfo.hasNextPage) break;
      cursor = orders.pageInfo.endCursor;
    }
    assert.deepEqual(seen, [...ids].reverse());
  });

  it('counts paid orders in the revenue summary once payments complete them', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const { seat } = await catalogue(token);
    const customerId = randomUUID();
    const order = await placeOrder(sales, token, { customerId, lines: [{ productId: seat.id, quantity: 4 }] });
    await placeOrder(sales, token, { customerId, lines: [{ productId: seat.id, quantity: 1 }] });
    await pay(token, order.id, 20);
    const revenue = async () =>
      (await resolveEntities(sales.service.subgraph, token, 'Customer', [customerId], 'revenue { lifetime { amount } last12Months { amount } orderCount }'))[0]?.['revenue'];
    assert.deepEqual(await revenue(), { lifetime: { amount: 0 }, last12Months: { amount: 0 }, orderCount: 2 });
    await pay(token, order.id, 30);
    assert.deepEqual(await revenue(), { lifetime: { amount: 50 }, last12Months: { amount: 50 }, orderCount: 2 });
  });
});
