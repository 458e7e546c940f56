#!/usr/bin/env node
// Workspace packages resolve to their TypeScript sources under the `development` export
// condition, which Node only takes at start-up: so the run happens in a child started with it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../src/run-tests.ts', import.meta.url));
const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', script, ...process.argv.slice(2)], { stdio: 'inherit' });
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
