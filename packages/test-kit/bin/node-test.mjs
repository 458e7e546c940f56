#!/usr/bin/env node
// Runs one package's tests with Node's built-in runner on TypeScript sources. Node 20 cannot
// expand globs for --test, so the files are found here.
// Usage: rapport-node-test [--with-postgres] [--with-kafka] [dir ...]   (default: src test)
// The flags start that infrastructure for this package's run when the variable is unset
// (the root `npm test` sets them, so each server starts once per whole run).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OWN_FLAGS = new Set(['--with-postgres', '--with-kafka', '--inner']);
const args = process.argv.slice(2);
const roots = args.filter((arg) => !arg.startsWith('--'));
const passThrough = args.filter((arg) => arg.startsWith('--') && !OWN_FLAGS.has(arg));
const wantPostgres = args.includes('--with-postgres') && !process.env.DATABASE_URL;
const wantKafka = args.includes('--with-kafka') && !process.env.KAFKA_BROKERS;

function findTests(dir) {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'fixtures') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (/\.test\.m?ts$/.test(entry)) found.push(path);
  }
  return found;
}

const files = (roots.length > 0 ? roots : ['src', 'test']).flatMap(findTests).sort();
if (files.length === 0) {
  console.log('no test files');
  process.exit(0);
}

const run = (command, commandArgs, env) =>
  new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const testArgs = ['--conditions=development', '--import', 'tsx', '--test', '--test-reporter=spec', ...passThrough, ...files];
if (wantPostgres || wantKafka) {
  // Start the infrastructure in a helper process that runs the tests as its child.
  const helper = fileURLToPath(new URL('../src/with-infrastructure.ts', import.meta.url));
  const flags = [wantPostgres ? '--postgres' : '', wantKafka ? '--kafka' : ''].filter(Boolean);
  process.exit(await run(process.execPath, ['--conditions=development', '--import', 'tsx', helper, ...flags, '--', process.execPath, ...testArgs], process.env));
}
process.exit(await run(process.execPath, testArgs, process.env));
