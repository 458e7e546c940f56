import { parseEnv, serviceEnvironmentSchema } from './environment.js';
import { startService, type RunningService, type ServiceDefinition } from './service.js';
import type { RequestContext } from './subgraph.js';

/**
 * Starts a service the way its entry point does, on a free port and its test database,
 * for integration tests. The database is created on first use and migrated.
 */
export async function startServiceForTest<Context extends RequestContext>(
  definition: ServiceDefinition<Context>,
  options: { databaseUrl: string; jwtSecret: string; onQuery?: (sql: string) => void; env?: Record<string, string> },
): Promise<RunningService<Context>> {
  const environment = parseEnv(serviceEnvironmentSchema, {
    PORT: '0',
    DATABASE_URL: options.databaseUrl,
    JWT_SECRET: options.jwtSecret,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    SHUTDOWN_GRACE_MS: '1000',
    ...options.env,
  });
  return startService(definition, environment, {
    createDatabase: true,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
}
