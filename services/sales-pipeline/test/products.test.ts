import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveEntities } from '@rapport/service-kit';
import { createTestTenant } from '@rapport/test-kit';
import { createProduct, errorOf, startSales, UPSERT_PRODUCT, type SalesUnderTest } from './support/service.js';

const PRODUCTS = /* GraphQL */ `{ products { id sku name price { amount currency } recurring } }`;

let sales: SalesUnderTest;

before(async () => {
  sales = await startSales();
});
after(async () => {
  await sales.stop();
});

describe('sales-pipeline: products', () => {
  it('creates a product, then updates the same sku instead of duplicating it', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const created = await createProduct(sales, token, { sku: 'PRO-1', name: 'Pro plan', price: 49.9, currency: 'eur', recurring: true });
    assert.deepEqual(created.price, { amount: 49.9, currency: 'EUR' });
    assert.equal(created.recurring, true);
    const updated = await createProduct(sales, token, { sku: 'PRO-1', name: 'Pro plan (2025)', price: 59, currency: 'EUR' });
    assert.equal(updated.id, created.id);
    assert.equal(updated.name, 'Pro plan (2025)');
    // recurring omitted keeps what was stored.
    assert.equal(updated.recurring, true);
    const data = await sales.ok(await tenant.token(['analyst']), PRODUCTS);
    assert.deepEqual(data['products'], [{ ...updated, price: { amount: 59, currency: 'EUR' } }]);
  });

  it('refuses a sku already taken by another product, and writes nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    await createProduct(sales, token, { sku: 'A', name: 'A', price: 1 });
    const b = await createProduct(sales, token, { sku: 'B', name: 'B', price: 2 });
    const result = await sales.request(token, UPSERT_PRODUCT, { input: { id: b.id, sku: 'A', name: 'B', price: 2, currency: 'USD' } });
    assert.deepEqual(errorOf(result), { code: 'BAD_USER_INPUT', field: 'sku' });
    const data = await sales.ok(token, PRODUCTS);
    assert.deepEqual(data['products'].map((product: { sku: string }) => product.sku), ['A', 'B']);
  });

  it('rejects a negative price, a price with more than two decimals and a bad currency', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    for (const [input, field] of [
      [{ price: -1, currency: 'USD' }, 'price'],
      [{ price: 1.234, currency: 'USD' }, 'price'],
      [{ price: 1, currency: 'dollars' }, 'currency'],
    ] as const) {
      const result = await sales.request(token, UPSERT_PRODUCT, { input: { sku: 'X', name: 'X', ...input } });
      assert.deepEqual(errorOf(result), { code: 'BAD_USER_INPUT', field });
    }
    assert.equal(await sales.count('products', tenant.tenantId), 0);
  });

  it('lets sales and admin write, and refuses marketing, support and analyst', async () => {
    const tenant = createTestTenant();
    for (const role of ['marketing', 'support', 'analyst'] as const) {
      const result = await sales.request(await tenant.token([role]), UPSERT_PRODUCT, { input: { sku: 'X', name: 'X', price: 1, currency: 'USD' } });
      assert.equal(errorOf(result).code, 'FORBIDDEN', role);
    }
    assert.equal(await sales.count('products', tenant.tenantId), 0);
    await createProduct(sales, await tenant.token(['admin']), { sku: 'X', name: 'X', price: 1 });
  });

  it('keeps products per tenant: another tenant sees none and cannot update by id', async () => {
    const owner = createTestTenant();
    const other = createTestTenant();
    const product = await createProduct(sales, await owner.token(), { sku: 'SHARED', name: 'Mine', price: 10 });
    const otherToken = await other.token();
    assert.deepEqual((await sales.ok(otherToken, PRODUCTS))['products'], []);
    const result = await sales.request(otherToken, UPSERT_PRODUCT, { input: { id: product.id, sku: 'SHARED', name: 'Theirs', price: 1, currency: 'USD' } });
    assert.equal(errorOf(result).code, 'NOT_FOUND');
    // The same sku is free in another tenant.
    const theirs = await createProduct(sales, otherToken, { sku: 'SHARED', name: 'Theirs', price: 1 });
    assert.notEqual(theirs.id, product.id);
    const [resolved, hidden] = await resolveEntities(sales.service.subgraph, otherToken, 'Product', [theirs.id, product.id], 'id name');
    assert.deepEqual(resolved, { id: theirs.id, name: 'Theirs' });
    assert.equal(hidden, null);
  });

  it('answers null for an unknown product reference', async () => {
    const tenant = createTestTenant();
    const [product] = await resolveEntities(sales.service.subgraph, await tenant.token(), 'Product', [randomUUID()], 'id');
    assert.equal(product, null);
  });
});
