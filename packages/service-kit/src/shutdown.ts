import type { Logger } from './logger.js';

export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

/**
 * Runs the steps in order once, on SIGTERM or SIGINT (stop accepting, drain, flush,
 * disconnect, close the pool), then exits. A second signal exits at once.
 */
export function onShutdown(logger: Logger, steps: ShutdownStep[], deadlineMs = 20_000): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A dependency that vanished first (database, broker) must not leave the process hanging.
    setTimeout(() => {
      logger.error({ deadlineMs }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, deadlineMs).unref();
    void (async () => {
      let failed = false;
      for (const step of steps) {
        try {
          await step.run();
          logger.debug({ step: step.name }, 'shutdown step done');
        } catch (error) {
          failed = true;
          logger.error({ err: error, step: step.name }, 'shutdown step failed');
        }
      }
      logger.info('stopped');
      process.exit(failed ? 1 : 0);
    })();
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
