// The pure CLV models, for other modules (churn risk, segments) and the benchmark.
export * from './bgnbd.js';
export * from './gamma-gamma.js';
export * from './purchase-history.js';
