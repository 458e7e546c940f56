// `npm test` at the root: starts the shared test infrastructure once for the whole run,
// then runs every package's typecheck and tests through turbo, and prints one closing line.
import { spawn } from 'node:child_process';
import { startTestInfrastructure } from './infrastructure.js';

const started = Date.now();
const infrastructure = await startTestInfrastructure({ postgres: true, kafka: true }, (line) => console.log(`test run: ${line}`));
const env = { ...process.env, ...infrastructure.env };

const turboArgs = ['run', 'typecheck', 'test', '--continue', '--concurrency=2', '--output-logs=full', '--log-order=grouped', ...process.argv.slice(2)];
const totals = { passed: 0, failed: 0, skipped: 0 };
let carry = '';
const tally = (chunk: Buffer) => {
  const lines = (carry + chunk.toString('utf8')).split('\n');
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

const exitCode = await new Promise<number>((resolve) => {
  const child = spawn('turbo', turboArgs, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    tally(chunk);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

await infrastructure.stop();
console.log(`\ntest run finished in ${((Date.now() - started) / 1000).toFixed(1)}s (exit ${exitCode})`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
