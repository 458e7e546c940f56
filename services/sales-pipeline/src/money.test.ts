import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@rapport/service-kit';
import { centsOf, toCents, toNumeric } from './money.js';

describe('money as integer cents', () => {
  it('reads API amounts exactly, even those binary floats cannot hold', () => {
    assert.equal(toCents(0.29, 'amount'), 29);
    assert.equal(toCents(12.3, 'amount'), 1230);
    assert.equal(toCents(0.1 + 0.2, 'amount'), 30);
    assert.equal(toCents(0, 'price', { allowZero: true }), 0);
  });

  it('refuses more than two decimals, zero where not allowed, negatives and non-numbers, naming the field', () => {
    for (const [amount, options] of [[1.005, {}], [0, {}], [-1, { allowZero: true }], [Number.NaN, {}], [1e15, {}]] as const) {
      assert.throws(() => toCents(amount, 'amount', options), (error: unknown) => error instanceof DomainError && error.field === 'amount');
    }
  });

  it('round-trips numeric column values', () => {
    for (const value of ['0.00', '12.30', '100.10', '-4.05', '999999999999.99']) assert.equal(toNumeric(centsOf(value)), value);
    assert.equal(centsOf('7'), 700);
    assert.equal(centsOf('7.5'), 750);
    assert.equal(centsOf(null), 0);
  });
});
