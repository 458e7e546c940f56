import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { maximiseLogLikelihood } from './maximum-likelihood.js';

/**
 * The BG/NBD model of purchase counts (Fader, Hardie & Lee 2005, "Counting Your Customers
 * the Easy Way"). Time is in weeks. For one customer:
 * - x: repeat purchases (purchase days after the first one; same-day purchases are one),
 * - tx: time of the last purchase, from the first one,
 * - T: time from the first purchase to the end of the observation (the reference time).
 */
export interface PurchaseHistory {
  x: number;
  tx: number;
  T: number;
}

/** Transaction rates ~ Gamma(r, alpha); dropout probabilities ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  repeaters: number;
  iterations: number;
  converged: boolean;
}

/**
 * Log-likelihood of one customer (equation 6 of the paper, in logs):
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *          + ln[ (α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+tx)^−(r+x) ]
 * The last term is summed in log space (log-sum-exp) so large x never underflows.
 */
export function bgNbdCustomerLogLikelihood({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: PurchaseHistory): number {
  const common = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + betaln(a, b + x) - betaln(a, b);
  const stayed = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + stayed;
  const droppedAfterLast = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  const high = Math.max(stayed, droppedAfterLast);
  return common + high + Math.log(Math.exp(stayed - high) + Math.exp(droppedAfterLast - high));
}

export function bgNbdLogLikelihood(params: BgNbdParams, histories: readonly PurchaseHistory[]): number {
  let sum = 0;
  for (const history of histories) sum += bgNbdCustomerLogLikelihood(params, history);
  return sum;
}

/** Maximum-likelihood estimates of r, alpha, a, b. Needs at least one customer. */
export function fitBgNbd(histories: readonly PurchaseHistory[]): BgNbdFit {
  if (histories.length === 0) throw new RangeError('BG/NBD needs at least one customer');
  // Customers with the same (x, tx, T) add the same term: evaluate each distinct one once.
  const distinct = new Map<string, { history: PurchaseHistory; count: number }>();
  for (const history of histories) {
    const key = `${history.x}:${history.tx}:${history.T}`;
    const entry = distinct.get(key);
    if (entry) entry.count += 1;
    else distinct.set(key, { history, count: 1 });
  }
  const groups = [...distinct.values()];
  const maximum = maximiseLogLikelihood(
    ([r, alpha, a, b]) => {
      const params = { r: r!, alpha: alpha!, a: a!, b: b! };
      let sum = 0;
      for (const { history, count } of groups) sum += count * bgNbdCustomerLogLikelihood(params, history);
      return sum;
    },
    [1, 1, 1, 1],
    histories.length,
  );
  const [r, alpha, a, b] = maximum.params as [number, number, number, number];
  return {
    params: { r, alpha, a, b },
    logLikelihood: maximum.logLikelihood,
    customers: histories.length,
    repeaters: histories.filter((history) => history.x > 0).length,
    iterations: maximum.iterations,
    converged: maximum.converged,
  };
}

/** a/(b+x−1) · ((α+T)/(α+tx))^(r+x): odds of having dropped out right after the last purchase. */
function dropoutOdds({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: PurchaseHistory): number {
  if (x === 0) return 0;
  return (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
}

/** P(alive | x, tx, T) (equation 11 of the paper). */
export function probabilityAlive(params: BgNbdParams, history: PurchaseHistory): number {
  return 1 / (1 + dropoutOdds(params, history));
}

/**
 * E[Y(t) | x, tx, T]: purchases expected in the next `horizonWeeks` after T (equation 10):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   / (1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+tx))^(r+x))
 * The formula holds for a ≠ 1 on either side of 1 (numerator and denominator change sign together).
 */
export function expectedPurchases(params: BgNbdParams, horizonWeeks: number, history: PurchaseHistory): number {
  if (horizonWeeks <= 0) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = history;
  const z = horizonWeeks / (alpha + T + horizonWeeks);
  const discount = Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + T + horizonWeeks)));
  const hypergeometric = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const value = (((a + b + x - 1) / (a - 1)) * (1 - discount * hypergeometric)) / (1 + dropoutOdds(params, history));
  // Rounding can leave a tiny negative value for a customer almost surely gone.
  return Number.isFinite(value) ? Math.max(0, value) : 0;
}
