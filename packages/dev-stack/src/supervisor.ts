import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { prettyFactory } from 'pino-pretty';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** A line on stdout that means "started", for processes without an HTTP probe. */
  onLine?: (line: string) => void;
}

const COLOURS = [36, 33, 35, 32, 34, 31, 96, 93];
const pretty = prettyFactory({ colorize: process.stdout.isTTY ?? false, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,name', singleLine: true });

/**
 * Runs each part of the stack as its own process with a readable prefix. A process that
 * dies unexpectedly is reported and restarted (with backoff); `stopAll` stops them in the
 * reverse order of starting.
 */
export class ProcessSupervisor {
  private readonly children = new Map<string, { spec: ProcessSpec; child: ChildProcess; restarts: number }>();
  private readonly order: string[] = [];
  private stopping = false;
  private readonly width: number;

  constructor(names: string[]) {
    this.width = Math.max(...names.map((name) => name.length));
    // If the supervisor dies without stopping them, its children would keep the ports.
    process.on('exit', () => {
      for (const { child } of this.children.values()) if (child.exitCode === null) child.kill('SIGKILL');
    });
  }

  log(name: string, message: string): void {
    const index = this.order.indexOf(name);
    const colour = COLOURS[(index < 0 ? this.order.length : index) % COLOURS.length];
    const prefix = `\u001b[${colour}m${name.padEnd(this.width)} |\u001b[0m`;
    process.stdout.write(`${process.stdout.isTTY ? prefix : `${name.padEnd(this.width)} |`} ${message}\n`);
  }

  start(spec: ProcessSpec, restarts = 0): void {
    if (!this.order.includes(spec.name)) this.order.push(spec.name);
    // Own process group: Ctrl-C reaches only the supervisor, which then stops parts in order.
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.children.set(spec.name, { spec, child, restarts });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        spec.onLine?.(line);
        const formatted = line.startsWith('{') ? safePretty(line) : line;
        this.log(spec.name, formatted);
      });
    }
    child.on('exit', (code, signal) => {
      if (this.stopping) return;
      const delay = Math.min(1000 * 2 ** restarts, 15_000);
      this.log(spec.name, `exited unexpectedly (${signal ?? `code ${code}`}); restarting in ${delay / 1000}s`);
      setTimeout(() => {
        if (!this.stopping) this.start(spec, restarts + 1);
      }, delay).unref();
    });
  }

  /** Stops every process, newest first, each with SIGTERM and a grace period before SIGKILL. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const name of [...this.order].reverse()) {
      const entry = this.children.get(name);
      if (!entry || entry.child.exitCode !== null || entry.child.signalCode !== null) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.log(name, 'did not stop in time; killing');
          entry.child.kill('SIGKILL');
        }, graceMs);
        entry.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        entry.child.kill('SIGTERM');
      });
      this.log(name, 'stopped');
    }
  }
}

function safePretty(line: string): string {
  try {
    return pretty(line).trimEnd();
  } catch {
    return line;
  }
}
