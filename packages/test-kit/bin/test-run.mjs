#!/usr/bin/env node
// `npm test` at the root: starts the shared test infrastructure once for the whole run
// (an embedded Postgres unless DATABASE_URL is set), then runs every package's
// typecheck and tests through turbo, and prints one closing summary line.
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

register();
const { startEmbeddedPostgres } = await import('../src/embedded-postgres.ts');

const started = Date.now();
const stops = [];
const env = { ...process.env };

if (!env.DATABASE_URL) {
  const postgres = await startEmbeddedPostgres();
  stops.push(postgres.stop);
  env.DATABASE_URL = postgres.url;
  console.log(`test run: embedded Postgres on port ${postgres.port}`);
} else {
  console.log('test run: using DATABASE_URL from the environment');
}

const passthroughArgs = process.argv.slice(2);
const turboArgs = ['run', 'typecheck', 'test', '--continue', '--concurrency=2', '--output-logs=full', '--log-order=grouped', ...passthroughArgs];
const totals = { passed: 0, failed: 0, skipped: 0 };
let carry = '';
const tally = (chunk) => {
  const text = carry + chunk.toString('utf8');
  const lines = text.split('\n');
  carry = lines.pop() ?? '';
  for (const line of lines) {
    const match = line.match(/[ℹ#] (pass|fail|skipped) (\d+)\s*$/);
    if (!match) continue;
    const count = Number(match[2]);
    if (match[1] === 'pass') totals.passed += count;
    else if (match[1] === 'fail') totals.failed += count;
    else totals.skipped += count;
  }
};

const exitCode = await new Promise((resolve) => {
  const child = spawn('turbo', turboArgs, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    tally(chunk);
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

for (const stop of stops.reverse()) await stop().catch((error) => console.error('stopping test infrastructure:', error));
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\ntest run finished in ${seconds}s (exit ${exitCode})`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
