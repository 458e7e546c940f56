import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CsvRow } from '@rapport/service-kit';
import { groupOrders, parseAmount, parsePlacedAt, type OrderImportColumn } from './order-import.rows.js';

const row = (number: number, values: Partial<Record<OrderImportColumn, string>>): CsvRow<OrderImportColumn> => ({ row: number, values });

describe('order import rows', () => {
  it('reads dates as UTC calendar days or instants, and refuses days that do not exist', () => {
    assert.equal(parsePlacedAt('19970101')?.toISOString(), '1997-01-01T00:00:00.000Z');
    assert.equal(parsePlacedAt('2024-02-29')?.toISOString(), '2024-02-29T00:00:00.000Z');
    assert.equal(parsePlacedAt('2024-06-01T10:00:00+02:00')?.toISOString(), '2024-06-01T08:00:00.000Z');
    assert.equal(parsePlacedAt('2024-06-01 10:00')?.toISOString(), '2024-06-01T10:00:00.000Z');
    assert.equal(parsePlacedAt('2025-02-29'), null);
    assert.equal(parsePlacedAt('01/02/2024'), null);
  });

  it('reads amounts exactly in cents: zero is an amount, negatives and fractions of a cent are not', () => {
    assert.equal(parseAmount('29.33'), 2933);
    assert.equal(parseAmount('0.00'), 0);
    assert.equal(parseAmount('7'), 700);
    assert.equal(parseAmount('1.50'), 150);
    assert.equal(parseAmount('1.500'), 150);
    assert.match(String(parseAmount('-1')), /zero or more/);
    assert.match(String(parseAmount('1.005')), /two decimals/);
    assert.match(String(parseAmount('1,5')), /not a decimal/);
  });

  it('keeps look-alike rows without an order id as separate orders, and joins the lines of one order id', () => {
    const { orders, rejected } = groupOrders([
      row(1, { customerExternalId: 'C', placedAt: '2024-01-01', amount: '5', currency: 'USD' }),
      row(2, { customerExternalId: 'C', placedAt: '2024-01-01', amount: '5', currency: 'USD' }),
      row(3, { orderExternalId: 'O', customerExternalId: 'C', placedAt: '2024-01-02', sku: 'A', quantity: '2' }),
      row(4, { orderExternalId: 'O', customerExternalId: 'C', placedAt: '2024-01-02', sku: 'B' }),
    ]);
    assert.deepEqual(rejected, []);
    assert.deepEqual(orders.map((order) => order.rows), [[1], [2], [3, 4]]);
    assert.deepEqual(orders[2]!.lines.map((line) => [line.sku, line.quantity]), [['A', 2], ['B', 1]]);
  });

  it('rejects every row of an order when one of its rows is rejected', () => {
    const { orders, rejected } = groupOrders([
      row(1, { orderExternalId: 'O', customerExternalId: 'C', placedAt: '2024-01-02', sku: 'A' }),
      row(2, { orderExternalId: 'O', customerExternalId: 'C', placedAt: 'yesterday', sku: 'B' }),
      row(3, { orderExternalId: 'O', customerExternalId: 'C', placedAt: '2024-01-02', sku: 'C' }),
    ]);
    assert.deepEqual(orders, []);
    assert.deepEqual(rejected.map((rejection) => [rejection.row, rejection.field]), [[1, 'orderExternalId'], [2, 'placedAt'], [3, 'orderExternalId']]);
  });
});
