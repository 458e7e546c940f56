import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import {
  bearerToken,
  IDENTITY_HEADER,
  type IdentitySigner,
  formatError,
  InvalidTokenError,
  metricsPlugin,
  type ServiceMetrics,
  toGraphQLError,
  traceHeaders,
  tracingPlugin,
  unauthenticated,
  type AuthContext,
  type Logger,
  type TokenVerifier,
} from '@rapport/service-kit';
import { GraphQLError } from 'graphql';
import { Agent, request, type Dispatcher } from 'undici';
import { createProtection, type ProtectionLimits } from './protection.js';
import { composeSupergraph } from './supergraph.js';
import type { SubgraphDefinition } from './subgraphs.js';

export interface GatewayContext {
  requestId: string;
  auth: AuthContext;
  /** The identity header for the subgraphs, signed once per request on first use. */
  identity(): Promise<string>;
}

export interface GatewayOptions {
  subgraphs: SubgraphDefinition[];
  supergraphSource: 'static' | 'introspect';
  verifyToken: TokenVerifier;
  /** Signs the verified caller for the subgraphs (GATEWAY_IDENTITY_SECRET). */
  signIdentity: IdentitySigner;
  logger: Logger;
  /** Introspection off and no field suggestions. */
  production: boolean;
  limits?: Partial<ProtectionLimits>;
  /**
   * Limits, cost budget and rate limit before any subgraph call (default on). Off only to
   * measure what they cost; the token check and the signed identity stay regardless.
   */
  protections?: boolean;
  /** Observes every request to a subgraph (tests prove that rejected operations call none). */
  onSubgraphRequest?: (url: string) => void;
  /** How long one subgraph request may take before it is aborted (default 2 s). */
  subgraphTimeoutMs?: number;
  metrics?: ServiceMetrics;
}

// Pooled keep-alive sockets to the subgraphs. Idle sockets are dropped before the
// subgraphs' keep-alive timeout (65 s) so a request never lands on a socket the server closes.
const SUBGRAPH_SOCKET_IDLE_MS = 30_000;

export function createSubgraphFetcher(options: { timeoutMs: number; onRequest?: ((url: string) => void) | undefined }): {
  fetcher: Fetcher;
  close(): Promise<void>;
} {
  const agent = new Agent({ keepAliveTimeout: SUBGRAPH_SOCKET_IDLE_MS, keepAliveMaxTimeout: SUBGRAPH_SOCKET_IDLE_MS, connections: 128 });
  // undici's request(), not its fetch(): fetch wraps every body in WHATWG streams and makes
  // each signal transferable, which profiling showed as about 2 ms of CPU per subgraph call
  // on this hardware; request() writes the JSON string and hands back a plain body.
  const fetcher = (async (url: string, init: FetcherRequestInit = {}) => {
    options.onRequest?.(url);
    // A slow subgraph costs the client at most this, then its fields are reported missing.
    const signal = AbortSignal.timeout(options.timeoutMs);
    const response = await request(url, {
      dispatcher: agent,
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers ?? {},
      body: init.body ?? null,
      signal,
    });
    return subgraphResponse(url, response);
  }) as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/** The part of a Fetch Response that Apollo's RemoteGraphQLDataSource reads. */
function subgraphResponse(url: string, response: Dispatcher.ResponseData): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  let bodyUsed = false;
  const consume = <T>(read: () => Promise<T>): Promise<T> => {
    bodyUsed = true;
    return read();
  };
  const answer: FetcherResponse = {
    url,
    redirected: false,
    status: response.statusCode,
    ok: response.statusCode >= 200 && response.statusCode < 300,
    statusText: STATUS_CODES[response.statusCode] ?? '',
    headers,
    get bodyUsed() {
      return bodyUsed;
    },
    text: () => consume(() => response.body.text()),
    json: () => consume(() => response.body.json()),
    arrayBuffer: () => consume(() => response.body.arrayBuffer()),
    clone: () => {
      throw new Error('a subgraph response cannot be cloned');
    },
  };
  return answer;
}

class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly serviceName: string,
    private readonly logger: Logger,
  ) {
    super(config);
  }

  /**
   * A subgraph that is down, slow or failing costs only its own fields: they come back null
   * with SUBGRAPH_UNAVAILABLE naming the service. Its address and the cause stay in the log.
   */
  override async process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]) {
    try {
      return await super.process(options);
    } catch (error) {
      const status = (error as { extensions?: { response?: { status?: number } } }).extensions?.response?.status;
      if (status !== undefined && status < 500) throw error;
      this.logger.warn(
        { requestId: options.context?.requestId, service: this.serviceName, reason: error instanceof Error ? error.message : String(error) },
        'subgraph unavailable',
      );
      throw new GraphQLError(`the ${this.serviceName} service is unavailable`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.serviceName },
      });
    }
  }

  override async willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    // Composition-time requests (introspection of `_service`) carry no caller.
    if (!context?.identity) return;
    // The client's token stays here: subgraphs trust only what the gateway signed.
    request.http?.headers.set(IDENTITY_HEADER, await context.identity());
    request.http?.headers.set('x-request-id', context.requestId);
    for (const [name, value] of Object.entries(traceHeaders(context))) request.http?.headers.set(name, value);
  }
}

export interface Gateway {
  server: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  contextFor(headers: { authorization?: string | string[] | undefined; 'x-request-id'?: string | string[] | undefined }): Promise<GatewayContext>;
  stop(): Promise<void>;
}

/** The Apollo gateway composing the subgraphs, behind Apollo Server, checking the token first. */
export function createGateway(options: GatewayOptions): Gateway {
  const subgraphFetcher = createSubgraphFetcher({ timeoutMs: options.subgraphTimeoutMs ?? 10_000, onRequest: options.onSubgraphRequest });
  const protection = createProtection<GatewayContext>({
    production: options.production,
    tenantOf: (context) => context.auth.tenantId,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const buildService = ({ name, url }: { name: string; url?: string }) =>
    new AuthForwardingDataSource({ url: url!, fetcher: subgraphFetcher.fetcher }, name, options.logger);
  const gateway =
    options.supergraphSource === 'static'
      ? new ApolloGateway({ supergraphSdl: composeSupergraph(options.subgraphs).supergraphSdl, buildService })
      : new ApolloGateway({
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: options.subgraphs.map(({ name, url }) => ({ name, url })),
            pollIntervalInMs: 10_000,
          }),
          buildService,
        });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    // One operation per HTTP request: a batch would multiply the cost budget.
    allowBatchedHttpRequests: false,
    // Requires a JSON content type or a preflight header, so a browser form cannot post.
    csrfPrevention: true,
    validationRules: options.protections === false ? [] : protection.validationRules,
    // The entry point owns shutdown order; Apollo's handler would re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      tracingPlugin<GatewayContext>('gateway'),
      ...(options.protections === false ? [] : protection.plugins),
      ...(options.metrics ? [metricsPlugin<GatewayContext>(options.metrics)] : []),
    ],
  });

  async function contextFor(headers: Parameters<Gateway['contextFor']>[0]): Promise<GatewayContext> {
    const requestIdHeader = headers['x-request-id'];
    const requestId = (Array.isArray(requestIdHeader) ? requestIdHeader[0] : requestIdHeader) ?? randomUUID();
    const token = bearerToken(headers.authorization);
    if (!token) throw toGraphQLError(unauthenticated());
    try {
      const auth = await options.verifyToken(token);
      let identity: Promise<string> | undefined;
      return { requestId, auth, identity: () => (identity ??= options.signIdentity(auth)) };
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      options.logger.info({ requestId, reason: error.message }, 'rejected token');
      throw toGraphQLError(unauthenticated('the bearer token is invalid or expired'));
    }
  }

  return {
    server,
    gateway,
    contextFor,
    stop: async () => {
      await server.stop();
      await subgraphFetcher.close();
    },
  };
}
