#!/usr/bin/env node
// Runs one package's tests with Node's built-in runner on TypeScript sources.
// Node 20 cannot expand globs for --test, so the files are found here.
// Usage: rapport-node-test [--with-postgres] [dir ...]   (default: src test)
// --with-postgres starts an embedded Postgres for this package's run when DATABASE_URL
// is not set (the root `npm test` sets it, so the server starts once per whole run).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OWN_FLAGS = new Set(['--with-postgres']);
const args = process.argv.slice(2);
const roots = args.filter((arg) => !arg.startsWith('--'));
const passThrough = args.filter((arg) => arg.startsWith('--') && !OWN_FLAGS.has(arg));
const withPostgres = args.includes('--with-postgres');
const searchRoots = roots.length > 0 ? roots : ['src', 'test'];

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (/\.test\.m?ts$/.test(entry)) found.push(path);
  }
  return found;
}

const files = searchRoots.flatMap(findTests).sort();
if (files.length === 0) {
  console.log(`no test files under ${searchRoots.join(', ')}`);
  process.exit(0);
}

const env = { ...process.env };
let stopPostgres;
if (withPostgres && !env.DATABASE_URL) {
  const { register } = await import('tsx/esm/api');
  register();
  const { startEmbeddedPostgres } = await import('../src/embedded-postgres.ts');
  const postgres = await startEmbeddedPostgres();
  env.DATABASE_URL = postgres.url;
  stopPostgres = postgres.stop;
}

const code = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', '--test', '--test-reporter=spec', ...passThrough, ...files],
    { stdio: 'inherit', env },
  );
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});
await stopPostgres?.();
process.exit(code);
