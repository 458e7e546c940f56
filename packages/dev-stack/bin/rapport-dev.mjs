#!/usr/bin/env node
// Workspace packages resolve to their TypeScript sources under the `development` export
// condition, which Node only takes at start-up: so the CLI runs in a child started with it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// Ctrl-C reaches the child directly (same process group); a SIGTERM sent to us is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
