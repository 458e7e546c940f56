import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatten, neutralise } from './export.routes.js';

describe('CSV exports: cells', () => {
  it('prefixes a quote to cells a spreadsheet would run as formulas', () => {
    assert.equal(neutralise('=HYPERLINK("http://x")'), `'=HYPERLINK("http://x")`);
    assert.equal(neutralise('+1'), "'+1");
    assert.equal(neutralise('-0.5'), "'-0.5");
    assert.equal(neutralise('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(neutralise('\tcmd'), "'\tcmd");
    assert.equal(neutralise(-3), "'-3");
  });

  it('leaves ordinary cells alone and writes null as an empty cell', () => {
    assert.equal(neutralise('ads'), 'ads');
    assert.equal(neutralise(0.25), '0.25');
    assert.equal(neutralise(null), '');
    assert.equal(neutralise(new Date('2025-01-01T00:00:00Z')), '2025-01-01T00:00:00.000Z');
  });

  it('spreads Money and other nested objects into one column per field', () => {
    assert.deepEqual(flatten({ channel: 'ads', spend: { amount: 700, currency: 'EUR' }, cac: null }), {
      channel: 'ads',
      spendAmount: 700,
      spendCurrency: 'EUR',
      cac: null,
    });
  });
});
