import betaln from '@stdlib/math-base-special-betaln';
import { maximiseLogLikelihood } from './maximum-likelihood.js';

/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma
 * Model of Monetary Value"), fitted on repeat buyers only: x is the number of repeat
 * transactions and meanSpend the mean value of those repeat transactions (the first
 * purchase is left out, as in the published CDNOW estimates).
 */
export interface SpendHistory {
  x: number;
  meanSpend: number;
}

/** Spend per transaction ~ Gamma(p, ν), with ν ~ Gamma(q, gamma) across customers. */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  customers: number;
  iterations: number;
  converged: boolean;
}

/**
 * Log-likelihood of one repeat buyer's mean spend m over x transactions (density of the
 * mean, the sum's density rescaled by x):
 *   ln f = −ln B(px, q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x)
 */
export function gammaGammaCustomerLogLikelihood({ p, q, gamma }: GammaGammaParams, { x, meanSpend }: SpendHistory): number {
  return -betaln(p * x, q) + q * Math.log(gamma) + (p * x - 1) * Math.log(meanSpend) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + meanSpend * x);
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, histories: readonly SpendHistory[]): number {
  let sum = 0;
  for (const history of histories) sum += gammaGammaCustomerLogLikelihood(params, history);
  return sum;
}

/**
 * Who the model can be fitted on: repeat buyers with a positive mean repeat spend (a mean of
 * zero has no density under a gamma distribution).
 */
export const isSpendObservation = (history: SpendHistory) => history.x > 0 && history.meanSpend > 0 && Number.isFinite(history.meanSpend);

/** Maximum-likelihood estimates of p, q, gamma over the observations `isSpendObservation` admits. */
export function fitGammaGamma(histories: readonly SpendHistory[]): GammaGammaFit {
  const observations = histories.filter(isSpendObservation);
  if (observations.length === 0) throw new RangeError('Gamma-Gamma needs at least one repeat buyer with a positive spend');
  const maximum = maximiseLogLikelihood(
    ([p, q, gamma]) => gammaGammaLogLikelihood({ p: p!, q: q!, gamma: gamma! }, observations),
    [1, 1, 1],
    observations.length,
  );
  const [p, q, gamma] = maximum.params as [number, number, number];
  return { params: { p, q, gamma }, logLikelihood: maximum.logLikelihood, customers: observations.length, iterations: maximum.iterations, converged: maximum.converged };
}

/**
 * E[M | x, m]: expected spend per future transaction, a weighted mean of the population mean
 * p·γ/(q−1) and the customer's own mean m (equation 5 of the paper):
 *   p (γ + x m) / (p x + q − 1)
 * With x = 0 it is the population mean. Needs q > 1 (a finite population mean).
 */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, { x, meanSpend }: SpendHistory): number {
  const m = x > 0 && Number.isFinite(meanSpend) ? meanSpend : 0;
  const n = x > 0 ? x : 0;
  const value = (p * (gamma + n * m)) / (p * n + q - 1);
  return Number.isFinite(value) && value > 0 ? value : 0;
}
