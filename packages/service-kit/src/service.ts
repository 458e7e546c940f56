import type { DocumentNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { createIdentityVerifier, createTokenVerifier, identitySecretOf, type TokenVerifier } from './auth.js';
import { createDataSource, ensureDatabase, hasTable, isDatabaseReachable, runMigrations, type DataSourceConfig } from './database.js';
import { parseEnv, serviceEnvironmentSchema, type ServiceEnvironment } from './environment.js';
import { createServiceApp, listen, type ReadinessCheck } from './http.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, observeDatabasePool, type ServiceMetrics } from './metrics.js';
import { APP_ROLE } from './row-security.js';
import { onShutdown } from './shutdown.js';
import { startTracing } from './tracing.js';
import { createSubgraph, type RequestContext, type ResolverMap, type Subgraph } from './subgraph.js';
import type { Express } from 'express';

/** A background part of a service (outbox relay, consumer): started after the database, stopped before it. */
export interface ServiceComponent {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  readiness?: ReadinessCheck;
}

export interface ServiceDependencies {
  dataSource: DataSource;
  logger: Logger;
  environment: ServiceEnvironment;
  /** The process's Prometheus registry; components add their own gauges to it. */
  metrics?: ServiceMetrics;
}

/** Everything that makes one subgraph service; `startService` turns it into a running process part. */
export interface ServiceDefinition<Context extends RequestContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: ResolverMap;
  entities: DataSourceConfig['entities'];
  migrations: DataSourceConfig['migrations'];
  createContext: (base: RequestContext, dependencies: ServiceDependencies) => Context;
  components?: (dependencies: ServiceDependencies) => ServiceComponent[];
  routes?: (app: Express, dependencies: ServiceDependencies & { subgraph: Subgraph<Context> }) => void;
}

export interface RunningService<Context extends RequestContext> {
  port: number;
  subgraph: Subgraph<Context>;
  /**
   * The database as its owner sees it (migrations ran through it): for tests and tools that
   * arrange or inspect rows across tenants. The service itself never uses it.
   */
  dataSource: DataSource;
  /** The pool the service runs on, as the application role under row-level security. */
  appDataSource: DataSource;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  verifyToken?: TokenVerifier;
  /** Create the database when it is missing (embedded development stack, tests). */
  createDatabase?: boolean;
  onQuery?: (sql: string) => void;
}

/**
 * Starts a subgraph service: database (migrations first), subgraph, background
 * components, HTTP. `stop` runs the reverse order: stop accepting and drain HTTP,
 * stop components, close the pool.
 */
export async function startService<Context extends RequestContext>(
  definition: ServiceDefinition<Context>,
  environment: ServiceEnvironment,
  options: StartOptions = {},
): Promise<RunningService<Context>> {
  const logger = options.logger ?? createLogger({ name: definition.name, level: environment.LOG_LEVEL });
  if (options.createDatabase) await ensureDatabase(environment.DATABASE_URL);
  // Two pools: the owner migrates (and secures the tables); the service runs as the
  // application role, to which row-level security applies. Superusers and owners bypass
  // RLS, so running as the owner would make the policies decoration.
  const ownerDataSource = createDataSource({
    url: environment.DATABASE_URL,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: 2,
    applicationName: `${definition.name}-owner`,
  });
  await ownerDataSource.initialize();
  await runMigrations(ownerDataSource, logger);
  const dataSource = createDataSource({
    url: environment.APP_DATABASE_URL ?? environment.DATABASE_URL,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: environment.DATABASE_POOL_SIZE,
    applicationName: definition.name,
    ...(environment.APP_DATABASE_URL ? {} : { role: APP_ROLE }),
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  await dataSource.initialize();

  const metrics = createMetrics(definition.name);
  observeDatabasePool(metrics, dataSource);
  const dependencies: ServiceDependencies = { dataSource, logger, environment, metrics };
  const verifyToken =
    options.verifyToken ??
    createTokenVerifier({
      secret: environment.JWT_SECRET,
      jwksUrl: environment.JWKS_URL,
      issuer: environment.JWT_ISSUER,
      audience: environment.JWT_AUDIENCE,
    });
  const subgraph = createSubgraph<Context>({
    name: definition.name,
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers,
    verifyIdentity: createIdentityVerifier(identitySecretOf(environment)),
    verifyToken,
    logger,
    createContext: (base) => definition.createContext(base, dependencies),
    metrics,
    audit: (await hasTable(ownerDataSource, 'audit_log')) ? { dataSource } : undefined,
  });

  const components = definition.components?.(dependencies) ?? [];
  for (const component of components) await component.start();

  const readiness: Record<string, ReadinessCheck> = { database: () => isDatabaseReachable(dataSource) };
  for (const component of components) if (component.readiness) readiness[component.name] = component.readiness;

  const app = await createServiceApp({
    subgraph,
    logger,
    readiness,
    metrics,
    routes: (express) => definition.routes?.(express, { ...dependencies, subgraph }),
  });
  const http = await listen(app, { port: environment.PORT, host: environment.HOST, logger });
  logger.info({ port: http.port, host: environment.HOST }, `${definition.name} subgraph listening`);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await http.close(environment.SHUTDOWN_GRACE_MS);
      await subgraph.server.stop();
      for (const component of [...components].reverse()) await component.stop();
      await dataSource.destroy();
      await ownerDataSource.destroy();
    })());
  return { port: http.port, subgraph, dataSource: ownerDataSource, appDataSource: dataSource, stop };
}

/** The entry point of a subgraph process: parse the environment, start, stop on SIGTERM. */
export async function runService<Context extends RequestContext>(
  definition: ServiceDefinition<Context>,
  source: Record<string, string | undefined> = process.env,
): Promise<void> {
  const environment = parseEnv(serviceEnvironmentSchema, source);
  const logger = createLogger({ name: definition.name, level: environment.LOG_LEVEL });
  try {
    const tracing = await startTracing(definition.name, source);
    const service = await startService(definition, environment, {
      logger,
      createDatabase: source['RAPPORT_CREATE_DATABASE'] === 'true',
    });
    onShutdown(logger, [{ name: 'service', run: service.stop }, ...(tracing ? [{ name: 'tracing', run: tracing.shutdown }] : [])]);
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}
