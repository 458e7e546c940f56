import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { medianOfPositive, quadrantOf } from './value-segment.service.js';

describe('value segments', () => {
  it('takes the median of the positive values only, null when there are none', () => {
    assert.equal(medianOfPositive([0, 0, 0, 10, 30, 20]), 20);
    assert.equal(medianOfPositive([0, 40, 10]), 25);
    assert.equal(medianOfPositive([0, 0]), null);
  });

  it('places high/low current x potential in the four quadrants, a zero value never high', () => {
    const thresholds = { current: 100, potential: 50 };
    assert.equal(quadrantOf(100, 50, thresholds), 'INVEST');
    assert.equal(quadrantOf(150, 10, thresholds), 'PROTECT');
    assert.equal(quadrantOf(99.99, 80, thresholds), 'DEVELOP');
    assert.equal(quadrantOf(20, 49, thresholds), 'SERVE_EFFICIENTLY');
    assert.equal(quadrantOf(0, 0, { current: 0, potential: 0 }), 'SERVE_EFFICIENTLY');
    assert.equal(quadrantOf(10, 10, { current: null, potential: null }), 'SERVE_EFFICIENTLY');
  });
});
