import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveEntities, type RunningService } from '@rapport/service-kit';
import { createTestTenant } from '@rapport/test-kit';
import type { SalesContext } from '../src/context.js';
import { startSales, type SalesUnderTest } from './support/service.js';

const REVENUE = 'id revenue { lifetime { amount currency } last12Months { amount } orderCount firstOrderAt lastOrderAt mrr { amount } }';

let sales: SalesUnderTest;
let service: RunningService<SalesContext>;
let statements: string[];

before(async () => {
  sales = await startSales();
  service = sales.service;
  statements = sales.statements;
});
after(async () => {
  await sales.stop();
});

async function insertOrder(tenantId: string, customerId: string, amount: number, placedAt: string, paid: boolean) {
  await service.dataSource.query(
    `INSERT INTO orders (id, tenant_id, customer_id, total_amount, currency, placed_at, paid_at) VALUES ($1, $2, $3, $4, 'USD', $5, $6)`,
    [randomUUID(), tenantId, customerId, amount, placedAt, paid ? placedAt : null],
  );
}

async function entities(token: string, ids: string[]) {
  return (await resolveEntities(service.subgraph, token, 'Customer', ids, REVENUE)) as any[];
}

describe('sales-pipeline: Customer.revenue', () => {
  it('answers zeros, not null, for a customer without orders', async () => {
    const tenant = createTestTenant();
    const [customer] = await entities(await tenant.token(['analyst']), [randomUUID()]);
    assert.deepEqual(customer.revenue, {
      lifetime: { amount: 0, currency: 'USD' },
      last12Months: { amount: 0 },
      orderCount: 0,
      firstOrderAt: null,
      lastOrderAt: null,
      mrr: { amount: 0 },
    });
  });

  it('sums paid orders only, and counts every order, within the caller tenant', async () => {
    const tenant = createTestTenant();
    const customerId = randomUUID();
    const recent = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    await insertOrder(tenant.tenantId, customerId, 100.5, '2020-01-15T10:00:00.000Z', true);
    await insertOrder(tenant.tenantId, customerId, 20, recent, true);
    await insertOrder(tenant.tenantId, customerId, 999, recent, false);
    // Same customer id under another tenant must not count.
    await insertOrder(randomUUID(), customerId, 5000, recent, true);
    const [customer] = await entities(await tenant.token(), [customerId]);
    assert.equal(customer.revenue.lifetime.amount, 120.5);
    assert.equal(customer.revenue.last12Months.amount, 20);
    assert.equal(customer.revenue.orderCount, 3);
    assert.equal(customer.revenue.firstOrderAt, '2020-01-15T10:00:00.000Z');
  });

  it('answers 50 representations with one aggregate query', async () => {
    const tenant = createTestTenant();
    const ids = Array.from({ length: 50 }, () => randomUUID());
    for (const id of ids.slice(0, 10)) await insertOrder(tenant.tenantId, id, 10, '2024-05-01T00:00:00.000Z', true);
    statements.length = 0;
    const result = await entities(await tenant.token(), ids);
    assert.equal(result.length, 50);
    assert.deepEqual(
      result.map((customer) => customer.revenue.orderCount),
      ids.map((_id, index) => (index < 10 ? 1 : 0)),
    );
    assert.equal(statements.filter((sql) => /FROM orders/.test(sql)).length, 1);
  });
});
