import { parseEnv, serviceEnvironmentSchema } from './environment.js';
import { startService, type RunningService, type ServiceDefinition } from './service.js';
import { executeAs, type RequestContext, type Subgraph } from './subgraph.js';

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
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'error',
    SHUTDOWN_GRACE_MS: '1000',
    ...(process.env['KAFKA_BROKERS'] ? { KAFKA_BROKERS: process.env['KAFKA_BROKERS'] } : {}),
    ...options.env,
  });
  return startService(definition, environment, {
    createDatabase: true,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
}

/** Calls `_entities` in-process as the gateway would, returning plain objects. */
export async function resolveEntities<Context extends RequestContext>(
  subgraph: Subgraph<Context>,
  token: string,
  typename: string,
  ids: readonly string[],
  selection: string,
): Promise<(Record<string, any> | null)[]> {
  const result = await executeAs(
    subgraph,
    {
      query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`,
      variables: { representations: ids.map((id) => ({ __typename: typename, id })) },
    },
    token,
  );
  if (result.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = result.body.singleResult;
  if (errors) throw new Error(`_entities failed: ${JSON.stringify(errors)}`);
  // Apollo hands out null-prototype objects; tests compare plain ones.
  return JSON.parse(JSON.stringify((data as { _entities: unknown[] })._entities));
}
