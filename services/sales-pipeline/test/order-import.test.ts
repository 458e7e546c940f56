import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents, testKafkaBrokers } from '@rapport/test-kit';
import kafkajs from 'kafkajs';
import { createProduct, errorOf, startSales, type SalesUnderTest } from './support/service.js';

const IMPORT_ORDERS = /* GraphQL */ `
  mutation Import($input: ImportOrdersInput!) { importOrders(input: $input) { received imported updated rejected { row field reason } } }
`;

let sales: SalesUnderTest;
let events: EventTap;

before(async () => {
  sales = await startSales();
  events = await tapEvents([TOPICS.orders, TOPICS.customers]);
});
after(async () => {
  await events.stop();
  await sales.stop();
});

async function importOrders(token: string, csv: string, createCustomers = false) {
  const data = await sales.ok(token, IMPORT_ORDERS, { input: { csv, createCustomers } });
  return data['importOrders'] as { received: number; imported: number; updated: number; rejected: { row: number; field: string | null; reason: string }[] };
}

async function ordersOf(tenantId: string) {
  return (await sales.service.dataSource.query(
    `SELECT id, customer_id, external_id, total_amount, paid_amount, currency, placed_at, paid_at FROM orders WHERE tenant_id = $1 ORDER BY placed_at, total_amount`,
    [tenantId],
  )) as { id: string; customer_id: string; external_id: string | null; total_amount: string; paid_amount: string; currency: string; placed_at: Date; paid_at: Date | null }[];
}

async function directoryId(tenantId: string, externalId: string): Promise<string | undefined> {
  const rows = (await sales.service.dataSource.query(
    `SELECT coalesce(survivor_id, customer_id) AS id FROM customer_directory WHERE tenant_id = $1 AND external_id = $2`,
    [tenantId, externalId],
  )) as { id: string }[];
  return rows[0]?.id;
}

describe('sales-pipeline: importOrders', () => {
  it('rejects bad rows one by one with row and field, and writes no part of a rejected order', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    await createProduct(sales, token, { sku: 'SEAT', name: 'Seat', price: 10 });
    const csv = [
      'orderExternalId,customerExternalId,placedAt,amount,currency,sku,quantity',
      'A-1,C1,2024-01-05,,,SEAT,2', // a good line of A-1
      'A-1,C1,2024-01-05,,,NOPE,1', // unknown sku: rejects the whole of A-1
      ',C1,2024-02-30,10,USD,,', // no such date
      ',C1,2024-03-01,-5,USD,,', // negative
      ',C1,2024-03-01,5.123,USD,,', // finer than cents
      ',,2024-03-01,5,USD,,', // no customer
      ',C1,2024-03-01,5,,,', // amount without currency
      'B-1,C1,2024-04-01,,,SEAT,1',
      'B-1,C2,2024-04-01,,,SEAT,1', // lines of B-1 disagree on the customer
      ',C1,2024-05-01,12.50,usd,,', // good
      ',C1,20240502,0,USD,,', // good: a zero-dollar purchase is a purchase
    ].join('\n');
    const report = await importOrders(token, csv, true);
    assert.equal(report.received, 11);
    assert.equal(report.imported, 2);
    assert.equal(report.updated, 0);
    assert.deepEqual(
      report.rejected.map((rejection) => [rejection.row, rejection.field]),
      [
        [1, 'sku'],
        [2, 'sku'],
        [3, 'placedAt'],
        [4, 'amount'],
        [5, 'amount'],
        [6, 'customerExternalId'],
        [7, 'currency'],
        [8, 'orderExternalId'],
        [9, 'customerExternalId'],
      ],
    );
    assert.match(report.rejected[0]!.reason, /unknown product sku NOPE/);
    const orders = await ordersOf(tenant.tenantId);
    assert.deepEqual(
      orders.map((order) => [order.total_amount, order.paid_amount, order.placed_at.toISOString(), order.paid_at?.toISOString()]),
      [
        ['12.50', '12.50', '2024-05-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z'],
        ['0.00', '0.00', '2024-05-02T00:00:00.000Z', '2024-05-02T00:00:00.000Z'],
      ],
    );
    // Only the orders written have lines and payments; none of A-1 or B-1 exists.
    assert.equal(await sales.count('order_lines', tenant.tenantId), 2);
    assert.equal(await sales.count('payments', tenant.tenantId), 1);
    const zero = await events.waitFor(tenant.tenantId, (e) => e.type === 'OrderPaid' && e.payload['totalAmount'] === '0.00', 'OrderPaid of the zero order');
    assert.equal(zero.payload['paymentCount'], 0);
    assert.equal(zero.payload['paidAt'], '2024-05-02T00:00:00.000Z');
  });

  it('fails a whole file with a bad header, more than 5,000 rows, or a wrong role, writing nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const unknownColumn = await sales.request(token, IMPORT_ORDERS, { input: { csv: 'customerExternalId,placedAt,price\nC1,2024-01-01,3' } });
    assert.deepEqual(errorOf(unknownColumn), { code: 'BAD_USER_INPUT', field: 'csv' });
    const rows = Array.from({ length: 5_001 }, (_, index) => `C${index},2024-01-01,1,USD`);
    const tooMany = await sales.request(token, IMPORT_ORDERS, { input: { csv: ['customerExternalId,placedAt,amount,currency', ...rows].join('\n'), createCustomers: true } });
    assert.deepEqual(errorOf(tooMany), { code: 'BAD_USER_INPUT', field: 'csv' });
    const analyst = await sales.request(await tenant.token(['analyst']), IMPORT_ORDERS, { input: { csv: 'customerExternalId,placedAt,amount,currency\nC1,2024-01-01,1,USD', createCustomers: true } });
    assert.equal(errorOf(analyst).code, 'FORBIDDEN');
    assert.equal(await sales.count('orders', tenant.tenantId), 0);
    assert.equal(await sales.count('customer_directory', tenant.tenantId), 0);
  });

  it('keeps two identical same-day rows without an order id as two orders', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const csv = 'customerExternalId,placedAt,amount,currency\nC9,1997-01-01,29.33,USD\nC9,1997-01-01,29.33,USD\n';
    const report = await importOrders(token, csv, true);
    assert.deepEqual(report, { received: 2, imported: 2, updated: 0, rejected: [] });
    const orders = await ordersOf(tenant.tenantId);
    assert.equal(orders.length, 2);
    assert.notEqual(orders[0]!.id, orders[1]!.id);
    assert.equal(orders[0]!.customer_id, orders[1]!.customer_id);
  });

  it('re-imports rows with an order id as updates, never duplicates, and republishes only what changed', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const first = 'orderExternalId,customerExternalId,placedAt,amount,currency\nO-1,C1,2024-01-01,10,USD\nO-2,C1,2024-01-02,20,USD\n';
    assert.deepEqual(await importOrders(token, first, true), { received: 2, imported: 2, updated: 0, rejected: [] });
    const [o1, o2] = await ordersOf(tenant.tenantId);
    assert.deepEqual(await importOrders(token, first, true), { received: 2, imported: 0, updated: 2, rejected: [] });
    const changed = 'orderExternalId,customerExternalId,placedAt,amount,currency\nO-1,C1,2024-01-01,10,USD\nO-2,C1,2024-01-02,25,USD\nO-3,C1,2024-01-03,30,USD\n';
    assert.deepEqual(await importOrders(token, changed, true), { received: 3, imported: 1, updated: 2, rejected: [] });
    const orders = await ordersOf(tenant.tenantId);
    assert.deepEqual(
      orders.map((order) => [order.external_id, order.total_amount, order.paid_amount]),
      [['O-1', '10.00', '10.00'], ['O-2', '25.00', '25.00'], ['O-3', '30.00', '30.00']],
    );
    // The same rows, the same ids: updated in place.
    assert.equal(orders[0]!.id, o1!.id);
    assert.equal(orders[1]!.id, o2!.id);
    assert.equal(await sales.count('payments', tenant.tenantId), 3);
    await events.waitFor(tenant.tenantId, (e) => e.type === 'OrderPaid' && e.payload['orderId'] === o2!.id && e.payload['totalAmount'] === '25.00', 'OrderPaid of the re-imported O-2');
    await events.waitFor(tenant.tenantId, (e) => e.type === 'OrderPlaced' && e.payload['orderId'] === orders[2]!.id, 'OrderPlaced of O-3');
    const placedO1 = events.received(tenant.tenantId).filter((e) => e.type === 'OrderPlaced' && e.payload['orderId'] === o1!.id);
    assert.equal(placedO1.length, 1, 'an unchanged re-imported order is not published again');
  });

  it('writes order lines from skus at product prices, consecutive rows sharing an order id', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const seat = await createProduct(sales, token, { sku: 'SEAT', name: 'Seat', price: 12.5 });
    const setup = await createProduct(sales, token, { sku: 'SETUP', name: 'Setup', price: 100 });
    const csv = 'orderExternalId,customerExternalId,placedAt,sku,quantity,amount\nX-1,C1,2024-06-01T10:00:00Z,SEAT,3,\nX-1,C1,2024-06-01T10:00:00Z,SETUP,1,90\n';
    assert.deepEqual(await importOrders(token, csv, true), { received: 2, imported: 2, updated: 0, rejected: [] });
    const placed = await events.waitFor(tenant.tenantId, (e) => e.type === 'OrderPlaced', 'OrderPlaced');
    assert.deepEqual(placed.payload['lines'], [
      { productId: seat['id'], sku: 'SEAT', quantity: 3, unitPrice: '12.50' },
      // A historical amount is what the line cost then, whatever the price list says now.
      { productId: setup['id'], sku: 'SETUP', quantity: 1, unitPrice: '90.00' },
    ]);
    assert.equal(placed.payload['totalAmount'], '127.50');
    assert.equal(placed.payload['placedAt'], '2024-06-01T10:00:00.000Z');
  });

  it('creates unknown customers only when asked, under one minted id announced with CustomerImportRequested', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const csv = 'customerExternalId,customerName,placedAt,amount,currency\n00012,,1997-01-01,5,USD\n00012,,1997-02-01,6,USD\n00013,Ada Ltd,1997-02-01,7,USD\n';
    const refused = await importOrders(token, csv, false);
    assert.equal(refused.imported, 0);
    assert.deepEqual(refused.rejected.map((rejection) => rejection.field), ['customerExternalId', 'customerExternalId', 'customerExternalId']);
    assert.match(refused.rejected[0]!.reason, /createCustomers/);

    assert.equal((await importOrders(token, csv, true)).imported, 3);
    const minted = await directoryId(tenant.tenantId, '00012');
    assert.ok(minted);
    const requested = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerImportRequested' && e.payload['externalId'] === '00012', 'CustomerImportRequested');
    assert.equal(requested.topic, TOPICS.customers);
    assert.equal(requested.key, minted);
    assert.equal(requested.payload['name'], 'Customer 00012');
    const named = await events.waitFor(tenant.tenantId, (e) => e.type === 'CustomerImportRequested' && e.payload['externalId'] === '00013', 'CustomerImportRequested 00013');
    assert.equal(named.payload['name'], 'Ada Ltd');

    // The next import finds the customer in the directory: no second id, no second request.
    assert.equal((await importOrders(token, 'customerExternalId,placedAt,amount,currency\n00012,1997-03-01,8,USD\n', true)).imported, 1);
    const orders = await ordersOf(tenant.tenantId);
    assert.equal(orders.filter((order) => order.customer_id === minted).length, 3);
    assert.equal(await sales.count('customer_directory', tenant.tenantId), 2);
  });

  it('resolves rows through the directory learnt from contacts events: external id, then email, merges and erasure', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const known = randomUUID();
    const survivor = randomUUID();
    const kafka = new kafkajs.Kafka({ clientId: 'order-import-test', brokers: testKafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    // An open producer would keep the test process alive after a failed assertion.
    try {
      const envelope = (type: string, customerId: string, payload: Record<string, unknown>) => ({
        key: customerId,
        value: JSON.stringify({ id: randomUUID(), type, version: 1, tenantId: tenant.tenantId, customerId, occurredAt: new Date().toISOString(), producer: 'contacts', payload }),
      });
      const created = (id: string, externalId: string | null, email: string | null) =>
        envelope('CustomerCreated', id, {
          name: 'Known', kind: 'BUSINESS', externalId, email, domain: null, industry: null, country: null,
          lifecycleStage: 'ACQUISITION', ownerId: null, tags: [], source: null, createdAt: new Date().toISOString(),
        });
      await producer.send({ topic: TOPICS.customers, messages: [created(known, 'K-1', 'known@example.com'), created(survivor, 'S-1', null)] });
      // Keyed by customer, the two events may land on different partitions: wait for both.
      await waitUntil(
        async () => (await directoryId(tenant.tenantId, 'S-1')) === survivor && (await directoryId(tenant.tenantId, 'K-1')) === known,
        'the directory to learn K-1 and S-1',
      );

      const csv = 'customerExternalId,customerEmail,placedAt,amount,currency\nK-1,,2024-01-01,1,USD\n,KNOWN@example.com,2024-01-02,2,USD\n';
      assert.equal((await importOrders(token, csv, false)).imported, 2);
      assert.deepEqual(new Set((await ordersOf(tenant.tenantId)).map((order) => order.customer_id)), new Set([known]));

      await producer.send({
        topic: TOPICS.customers,
        messages: [envelope('CustomersMerged', survivor, { survivorId: survivor, mergedIds: [known], mergedAt: new Date().toISOString() })],
      });
      await waitUntil(async () => (await directoryId(tenant.tenantId, 'K-1')) === survivor, 'K-1 to resolve to the survivor');
      assert.equal((await importOrders(token, 'customerExternalId,placedAt,amount,currency\nK-1,2024-02-01,3,USD\n', false)).imported, 1);
      assert.equal((await ordersOf(tenant.tenantId)).at(-1)!.customer_id, survivor);

      await producer.send({ topic: TOPICS.customers, messages: [envelope('CustomerErased', survivor, { erasedAt: new Date().toISOString() })] });
      await waitUntil(async () => (await directoryId(tenant.tenantId, 'S-1')) === undefined, 'the directory to forget S-1');
      const forgotten = await importOrders(token, 'customerExternalId,placedAt,amount,currency\nS-1,2024-03-01,3,USD\n', false);
      assert.equal(forgotten.rejected[0]?.field, 'customerExternalId');
    } finally {
      await producer.disconnect();
    }
  });
});

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
