import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveEntities } from '@rapport/service-kit';
import { createTestTenant, type TestTenant } from '@rapport/test-kit';
import { createDeal, createProduct, placeOrder, startSales, type SalesUnderTest } from './support/service.js';

const SELECTION =
  'id deals { id title stage { name } history { toStage { name } } } orders(first: 5) { totalCount edges { node { id total { amount } lines { quantity product { sku } } } } } revenue { lifetime { amount } orderCount mrr { amount } } subscriptions { id mrr { amount } product { sku } }';

const START_SUBSCRIPTION = /* GraphQL */ `
  mutation Start($input: StartSubscriptionInput!) { startSubscription(input: $input) { subscription { id } } }
`;

let sales: SalesUnderTest;

before(async () => {
  sales = await startSales();
});
after(async () => {
  await sales.stop();
});

/** Customers that each have a deal and two orders, so every list field has rows to load. */
async function customersWithHistory(tenant: TestTenant, count: number): Promise<string[]> {
  const token = await tenant.token();
  const product = await createProduct(sales, token, { sku: 'SKU', name: 'Thing', price: 10 });
  const plan = await createProduct(sales, token, { sku: 'PLAN', name: 'Plan', price: 30, recurring: true });
  const ids = Array.from({ length: count }, () => randomUUID());
  for (const customerId of ids) {
    await createDeal(sales, token, { customerId });
    await placeOrder(sales, token, { customerId, lines: [{ productId: product.id, quantity: 1 }] });
    await placeOrder(sales, token, { customerId, lines: [{ productId: product.id, quantity: 2 }] });
    await sales.ok(token, START_SUBSCRIPTION, { input: { customerId, productId: plan.id } });
  }
  return ids;
}

async function statementsFor(tenant: TestTenant, ids: string[]) {
  const token = await tenant.token(['analyst']);
  sales.statements.length = 0;
  const customers = await resolveEntities(sales.service.subgraph, token, 'Customer', ids, SELECTION);
  // Only the reads of the domain tables count: the relay and the consumers share the pool and
  // work meanwhile (outbox, inbox, the customer directory, their transactions), and other test
  // files publish on the same broker, so their statements come and go with the timing.
  const reads = sales.statements.filter((sql) => /^\s*(SELECT|WITH)\b/i.test(sql) && !/\b(outbox|inbox|customer_directory|members|routing_rules|set_config|pg_\w+)\b/i.test(sql));
  return { customers, statements: reads.length };
}

describe('sales-pipeline: the Customer extension', () => {
  it('answers deals, orders(first: 5), subscriptions and revenue of 10 or 50 customers with the same number of SQL statements', async () => {
    const small = createTestTenant();
    const large = createTestTenant();
    const [smallIds, largeIds] = await Promise.all([customersWithHistory(small, 10), customersWithHistory(large, 50)]);
    const few = await statementsFor(small, smallIds);
    const many = await statementsFor(large, largeIds);
    assert.equal(many.customers.length, 50);
    for (const customer of many.customers) {
      assert.equal(customer?.['deals'].length, 1);
      assert.equal(customer?.['deals'][0].stage.name, 'Lead');
      assert.equal(customer?.['orders'].totalCount, 2);
      assert.deepEqual(customer?.['orders'].edges.map((edge: any) => edge.node.lines[0].quantity), [2, 1]);
      assert.equal(customer?.['revenue'].orderCount, 2);
      assert.equal(customer?.['revenue'].mrr.amount, 30);
      assert.equal(customer?.['subscriptions'][0].product.sku, 'PLAN');
    }
    assert.equal(many.statements, few.statements, `10 customers: ${few.statements} statements, 50 customers: ${many.statements}`);
  });
});
