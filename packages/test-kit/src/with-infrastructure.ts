// Starts the test infrastructure for one package's run, then runs the command after `--`.
import { spawn } from 'node:child_process';
import { startTestInfrastructure } from './infrastructure.js';

const separator = process.argv.indexOf('--');
const flags = process.argv.slice(2, separator);
const [command, ...commandArgs] = process.argv.slice(separator + 1);
const infrastructure = await startTestInfrastructure({ postgres: flags.includes('--postgres'), kafka: flags.includes('--kafka') });
const code = await new Promise<number>((resolve) => {
  const child = spawn(command!, commandArgs, { stdio: 'inherit', env: { ...process.env, ...infrastructure.env } });
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});
await infrastructure.stop();
process.exit(code);
