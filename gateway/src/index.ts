import cluster from 'node:cluster';
import { createLogger, onShutdown, parseEnv } from '@rapport/service-kit';
import { gatewayEnvironmentSchema } from './environment.js';
import { startGateway } from './start.js';

const environment = parseEnv(gatewayEnvironmentSchema, process.env);
const logger = createLogger({ name: 'gateway', level: environment.LOG_LEVEL });

if (environment.GATEWAY_WORKERS > 1 && cluster.isPrimary) {
  // Query planning and response merging are CPU-bound on one event loop: workers sharing the
  // port use the other cores. The primary only supervises; a worker that dies is replaced.
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < environment.GATEWAY_WORKERS; i += 1) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker died: starting another');
    setTimeout(fork, 1_000).unref();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      cluster.disconnect(() => process.exit(0));
    });
  }
} else {
  // The per-tenant cost budget is kept in each worker's memory; splitting it keeps the total.
  const workerEnvironment = cluster.isWorker
    ? { ...environment, TENANT_COST_PER_SECOND: Math.ceil(environment.TENANT_COST_PER_SECOND / environment.GATEWAY_WORKERS) }
    : environment;
  try {
    const gateway = await startGateway(workerEnvironment, logger);
    onShutdown(logger, [{ name: 'gateway', run: gateway.stop }]);
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}
