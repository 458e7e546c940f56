import { createLogger, onShutdown, parseEnv } from '@rapport/service-kit';
import { gatewayEnvironmentSchema } from './environment.js';
import { startGateway } from './start.js';

const environment = parseEnv(gatewayEnvironmentSchema, process.env);
const logger = createLogger({ name: 'gateway', level: environment.LOG_LEVEL });
try {
  const gateway = await startGateway(environment, logger);
  onShutdown(logger, [{ name: 'gateway', run: gateway.stop }]);
} catch (error) {
  logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
}
