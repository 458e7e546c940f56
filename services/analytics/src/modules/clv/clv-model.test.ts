import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { bgNbdCustomerLogLikelihood, expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParams } from './bgnbd.js';
import { expectedSpend, fitGammaGamma } from './gamma-gamma.js';
import { customerHistories, type PurchaseDay } from './purchase-history.js';

/** CDNOW_sample: master id, sample id, date YYYYMMDD, CDs, dollars; one row per transaction. */
function cdnowPurchases(): PurchaseDay[] {
  const text = readFileSync(new URL('../../../test/fixtures/CDNOW_sample.txt', import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [id, , date, , dollars] = line.trim().split(/\s+/);
      return { customerId: id!, day: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`, amount: Number(dollars) };
    });
}

const within = (actual: number, expected: number, relative: number, name: string) =>
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * relative, `${name} = ${actual}, expected ${expected} ± ${relative * 100}%`);

// The published estimates (Fader, Hardie & Lee 2005; Fader & Hardie 2013).
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('CLV model on CDNOW_sample (calibration 1997-01-01..1997-09-30)', () => {
  const histories = customerHistories(cdnowPurchases(), '1997-09-30');

  it('counts 2,357 customers and 946 repeat buyers once same-day purchases are merged', () => {
    assert.equal(histories.length, 2357);
    assert.equal(histories.filter((history) => history.x > 0).length, 946);
  });

  it('reproduces the published BG/NBD estimates and log-likelihood', () => {
    const fit = fitBgNbd(histories);
    assert.equal(fit.converged, true);
    within(fit.params.r, PUBLISHED.r, 0.01, 'r');
    within(fit.params.alpha, PUBLISHED.alpha, 0.01, 'alpha');
    within(fit.params.a, PUBLISHED.a, 0.01, 'a');
    within(fit.params.b, PUBLISHED.b, 0.01, 'b');
    assert.ok(Math.abs(fit.logLikelihood - -9582.4) <= 0.5, `logLikelihood = ${fit.logLikelihood}`);
  });

  it('reproduces the published Gamma-Gamma estimates on the mean repeat spend of the 946 repeaters', () => {
    const fit = fitGammaGamma(histories);
    assert.equal(fit.customers, 946);
    within(fit.params.p, 6.25, 0.02, 'p');
    within(fit.params.q, 3.74, 0.02, 'q');
    within(fit.params.gamma, 15.44, 0.02, 'gamma');
  });
});

describe('BG/NBD predictions', () => {
  it("gives the paper's worked example: x=2, tx=30.43, T=38.86 expects 1.226 purchases in the next 39 weeks", () => {
    const value = expectedPurchases(PUBLISHED, 39, { x: 2, tx: 30.43, T: 38.86 });
    assert.ok(Math.abs(value - 1.226) < 0.001, String(value));
  });

  it('holds a customer who never repeated as alive, and one silent since an early repeat as less likely alive than a recent one', () => {
    assert.equal(probabilityAlive(PUBLISHED, { x: 0, tx: 0, T: 30 }), 1);
    const silent = probabilityAlive(PUBLISHED, { x: 3, tx: 2, T: 38 });
    const recent = probabilityAlive(PUBLISHED, { x: 3, tx: 37, T: 38 });
    assert.ok(silent < recent && recent < 1 && silent > 0, `${silent} < ${recent}`);
    // Hand-computed: 1 / (1 + a/(b+x−1) · ((α+T)/(α+tx))^(r+x)) = 1 / (1 + 0.793/4.426 · (42.414/6.414)^3.243)
    const expected = 1 / (1 + (0.793 / 4.426) * (42.414 / 6.414) ** 3.243);
    assert.ok(Math.abs(silent - expected) < 1e-12);
  });

  it('expects nothing over no horizon and more over a longer one', () => {
    const history = { x: 4, tx: 20, T: 30 };
    assert.equal(expectedPurchases(PUBLISHED, 0, history), 0);
    const year = expectedPurchases(PUBLISHED, 52, history);
    assert.ok(expectedPurchases(PUBLISHED, 26, history) < year && year < expectedPurchases(PUBLISHED, 104, history));
  });

  it('sums a customer with no repeat to the closed form r ln α − r ln(α+T) + terms that cancel', () => {
    // x = 0: ln Γ(r) − ln Γ(r) + r ln α + ln B(a,b) − ln B(a,b) − r ln(α+T)
    const value = bgNbdCustomerLogLikelihood(PUBLISHED, { x: 0, tx: 0, T: 10 });
    assert.ok(Math.abs(value - (0.243 * Math.log(4.414) - 0.243 * Math.log(14.414))) < 1e-12);
  });
});

describe('Gamma-Gamma expected spend', () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };

  it('is the population mean p·γ/(q−1) for a customer with no repeat purchase', () => {
    // 6.25 × 15.44 / 2.74 = 35.2189…
    assert.ok(Math.abs(expectedSpend(params, { x: 0, meanSpend: 0 }) - (6.25 * 15.44) / 2.74) < 1e-12);
  });

  it("moves towards the customer's own mean as repeat purchases accumulate", () => {
    // x = 10, m = 100: 6.25 × (15.44 + 1000) / (62.5 + 2.74) = 97.3206…
    const value = expectedSpend(params, { x: 10, meanSpend: 100 });
    assert.ok(Math.abs(value - (6.25 * 1015.44) / 65.24) < 1e-12);
    assert.ok(expectedSpend(params, { x: 1, meanSpend: 100 }) < value);
  });
});

describe('purchase histories', () => {
  it('merges same-day purchases, ignores days after the reference and measures weeks in whole days', () => {
    const histories = customerHistories(
      [
        { customerId: 'c', day: '2025-01-01', amount: 10 },
        { customerId: 'c', day: '2025-01-01', amount: 5 },
        { customerId: 'c', day: '2025-01-15', amount: 20 },
        { customerId: 'c', day: '2025-01-15', amount: 10 },
        { customerId: 'c', day: '2025-01-29', amount: 60 },
        { customerId: 'c', day: '2025-03-01', amount: 999 },
      ],
      '2025-02-12',
    );
    // Days 1 Jan, 15 Jan, 29 Jan: x = 2 repeats, tx = 28 d / 7 = 4 weeks, T = 42 d / 7 = 6 weeks,
    // mean repeat spend = (30 + 60) / 2 = 45.
    assert.deepEqual(histories, [{ customerId: 'c', firstPurchaseDay: '2025-01-01', x: 2, tx: 4, T: 6, meanSpend: 45 }]);
  });
});
