import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT } from './stack.js';

export const TS_NODE = ['--conditions=development', '--import', 'tsx'];

export interface Child {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a process; output goes to the bench's stderr only when BENCH_VERBOSE is set. */
export function startProcess(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; onLine?: (line: string) => void } = {}): Child {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      options.onLine?.(line);
      if (process.env['BENCH_VERBOSE']) process.stderr.write(`  | ${line}\n`);
    });
  }
  return {
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls until a GraphQL POST answers 200 without errors; returns the milliseconds it took. */
export async function waitForAnswer(
  url: string,
  init: { headers: Record<string, string> | (() => Promise<Record<string, string>>); body: string },
  timeoutMs: number,
  started = performance.now(),
): Promise<number> {
  const deadline = started + timeoutMs;
  for (;;) {
    try {
      const headers = typeof init.headers === 'function' ? await init.headers() : init.headers;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: init.body, signal: AbortSignal.timeout(5_000) });
      if (response.ok) {
        const body = (await response.json()) as { errors?: unknown[] };
        if (!body.errors) return performance.now() - started;
      }
    } catch {
      // not up yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function listeningPort(child: Child, timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no listening line')), timeoutMs);
    createInterface({ input: child.process.stdout! }).on('line', (line) => {
      if (line.includes('"listening"')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
  });
}
