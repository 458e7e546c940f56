import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Answers that were not 200 or carried GraphQL errors, counted on a sample. */
  bad: number;
  bytesPerResponse: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** A new body for each request (a different customer each time). */
  body: () => string;
}

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
export const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

/**
 * One autocannon run. Every request gets a fresh x-request-id (and its own body), so no layer
 * can de-duplicate or cache one answer for many requests. Latencies are kept per request to
 * give p95, which autocannon's own histogram summary does not report.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let bytes = 0;
  let bad = 0;
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'x-request-id': randomUUID() },
          body: options.body(),
        }),
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) bad += 1;
        },
      },
    ],
  }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  instance.on('response', (_client, _status, resBytes, responseTime) => {
    latencies.push(responseTime);
    bytes += resBytes;
  });
  const result = await finished;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / options.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    bad,
    bytesPerResponse: latencies.length > 0 ? Math.round(bytes / latencies.length) : 0,
  };
}

export interface Side<T> {
  name: string;
  run(round: number): Promise<T>;
}

/** Runs the sides alternately (A B A B ...) so drift in the machine's load hits each alike. */
export async function alternate<T>(rounds: number, sides: Side<T>[], log: (line: string) => void): Promise<Record<string, T[]>> {
  const results: Record<string, T[]> = Object.fromEntries(sides.map((side) => [side.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const side of sides) {
      results[side.name]!.push(await side.run(round));
    }
    log(`  round ${round + 1}/${rounds} done`);
  }
  return results;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Median and spread of each numeric field over the rounds. */
export function summarise(runs: readonly LoadResult[]): Record<keyof LoadResult, Spread> {
  const keys = Object.keys(runs[0]!) as (keyof LoadResult)[];
  return Object.fromEntries(keys.map((key) => [key, spread(runs.map((run) => run[key]))])) as Record<keyof LoadResult, Spread>;
}

export const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
export const fmtSpread = (s: Spread, digits = 1) => `${fmt(s.median, digits)} (${fmt(s.min, digits)}-${fmt(s.max, digits)})`;
