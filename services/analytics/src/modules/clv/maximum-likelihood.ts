import numeric from 'numeric';

export interface Maximum {
  /** The parameters at the maximum, on their natural (positive) scale. */
  params: number[];
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/**
 * Maximises a log-likelihood over strictly positive parameters. The search runs on their
 * logarithms, so the optimiser is unconstrained and never proposes a negative shape or
 * scale. It minimises the mean negative log-likelihood (scale-free tolerance whatever the
 * number of customers) with a quasi-Newton method, and restarts once from the point it
 * reached, because a BFGS run can stop early on a flat ridge of these likelihoods.
 */
export function maximiseLogLikelihood(logLikelihood: (params: number[]) => number, start: number[], observations: number): Maximum {
  const objective = (logParams: number[]) => {
    const value = logLikelihood(logParams.map(Math.exp));
    // NaN/Infinity outside the valid region: a very bad value makes the line search step back.
    return Number.isFinite(value) ? -value / observations : Number.MAX_VALUE;
  };
  let current = start.map(Math.log);
  let iterations = 0;
  let converged = false;
  for (let run = 0; run < 3; run += 1) {
    const result = numeric.uncmin(objective, current, 1e-10, undefined, 2_000);
    iterations += result.iterations;
    const moved = Math.max(...result.solution.map((value, index) => Math.abs(value - current[index]!)));
    current = result.solution;
    converged = result.message !== 'maxit reached during line search' && Number.isFinite(result.f);
    if (run > 0 && moved < 1e-7) break;
  }
  const params = current.map(Math.exp);
  return { params, logLikelihood: logLikelihood(params), iterations, converged };
}
