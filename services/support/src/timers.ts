import type { Logger, ServiceComponent } from '@rapport/service-kit';
import type { Clock } from './clock.js';

export interface TimedJob {
  name: string;
  run(now: Date): Promise<unknown>;
}

/**
 * Runs time-driven rules (SLA breaches, closing quiet tickets) every `intervalMs`, one run at
 * a time; the rules themselves are idempotent, so a run cut short by shutdown is retried by
 * the next one. A failing job is logged and does not stop the others.
 */
export function createTimers(options: { jobs: TimedJob[]; clock: Clock; intervalMs: number; logger: Logger }): ServiceComponent {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = async () => {
    for (const job of options.jobs) {
      if (stopped) return;
      try {
        await job.run(options.clock.now());
      } catch (error) {
        options.logger.error({ err: error, job: job.name }, 'timed job failed');
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  return {
    name: 'support-timers',
    async start() {
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
