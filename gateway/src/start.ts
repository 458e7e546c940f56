import { createIdentitySigner, createLogger, createMetrics, createTokenVerifier, identitySecretOf, listen, startTracing, type Logger } from '@rapport/service-kit';
import { createGatewayApp } from './app.js';
import { loadManifest } from './safelist.js';
import type { GatewayEnvironment } from './environment.js';
import { createGateway, type GatewayOptions } from './gateway.js';
import { subgraphsFrom } from './subgraphs.js';

export interface RunningGateway {
  port: number;
  stop(): Promise<void>;
}

/** Starts the gateway on the environment's port; used by the entry point and by tests. */
export async function startGateway(
  environment: GatewayEnvironment,
  logger?: Logger,
  options: Pick<GatewayOptions, 'limits' | 'onSubgraphRequest' | 'subgraphTimeoutMs'> & { importMaxBytes?: number } = {},
): Promise<RunningGateway> {
  const { importMaxBytes, ...gatewayOptions } = options;
  const log = logger ?? createLogger({ name: 'gateway', level: environment.LOG_LEVEL });
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_TRACES_ENABLED is set.
  const tracing = await startTracing('gateway');
  const subgraphs = subgraphsFrom(environment);
  const metrics = createMetrics('gateway');
  const gateway = createGateway({
    subgraphs,
    supergraphSource: environment.SUPERGRAPH_SOURCE,
    logger: log,
    production: environment.NODE_ENV === 'production',
    subgraphTimeoutMs: environment.SUBGRAPH_TIMEOUT_MS,
    metrics,
    ...gatewayOptions,
    limits: { tenantCostPerSecond: environment.TENANT_COST_PER_SECOND, ...gatewayOptions.limits },
    protections: environment.GATEWAY_PROTECTIONS === 'on',
    signIdentity: createIdentitySigner(identitySecretOf(environment)),
    verifyToken: createTokenVerifier({
      secret: environment.JWT_SECRET,
      jwksUrl: environment.JWKS_URL,
      issuer: environment.JWT_ISSUER,
      audience: environment.JWT_AUDIENCE,
    }),
  });
  const safelist = environment.PERSISTED_OPERATIONS_MANIFEST ? loadManifest(environment.PERSISTED_OPERATIONS_MANIFEST) : undefined;
  const app = await createGatewayApp(gateway, subgraphs, {
    metrics,
    imports: { logger: log, ...(importMaxBytes === undefined ? {} : { maxBytes: importMaxBytes }) },
    ...(safelist ? { safelist } : {}),
  });
  const http = await listen(app, { port: environment.PORT, host: environment.HOST });
  log.info({ port: http.port, supergraph: environment.SUPERGRAPH_SOURCE }, 'gateway listening');
  return {
    port: http.port,
    stop: async () => {
      await http.close(environment.SHUTDOWN_GRACE_MS);
      await gateway.stop();
      await tracing?.shutdown();
    },
  };
}
