import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { parse, type DocumentNode, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import { IDENTITY_HEADER, InvalidTokenError, type AuthContext, type TokenVerifier } from './auth.js';
import type { DataSource } from 'typeorm';
import { auditMutations } from './audit.js';
import { auditLogResolvers, auditLogTypeDefs } from './audit-log.js';
import { formatError, isExpectedError, toGraphQLError, unauthenticated } from './errors.js';
import type { Logger } from './logger.js';
import { metricsPlugin, type ServiceMetrics } from './metrics.js';
import { tracingPlugin } from './tracing.js';
import { requestReads } from './tenant-scope.js';

/** What every resolver of every subgraph receives. */
export interface RequestContext {
  readonly requestId: string;
  /** The verified caller; reading it in an anonymous request raises UNAUTHENTICATED. */
  readonly auth: AuthContext;
  readonly logger: Logger;
}

/**
 * A resolver map. Services type theirs with the types graphql-codegen generates from
 * their SDL; the federation helper itself only needs an object.
 */
export type ResolverMap = object;

export interface SubgraphOptions<Context extends RequestContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: ResolverMap;
  /** Verifies the gateway-signed identity header, the only source of identity over HTTP. */
  verifyIdentity: TokenVerifier;
  /** Verifies client tokens for in-process calls (`executeAs`: tests, tools); never read from HTTP. */
  verifyToken?: TokenVerifier;
  logger: Logger;
  /** Adds the service's own per-request state (loaders, services) to the base context. */
  createContext: (base: RequestContext) => Context;
  introspection?: boolean;
  metrics?: ServiceMetrics;
  /**
   * Record every mutation in the service's audit_log and serve its part of `auditLog`
   * (given when the audit_log migration ran).
   */
  audit?: { dataSource: DataSource } | undefined;
}

/** Node's incoming headers, lower-cased: the identity header and the request id are read. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

export interface Subgraph<Context extends RequestContext> {
  readonly name: string;
  readonly schema: GraphQLSchema;
  readonly server: ApolloServer<Context>;
  /** Builds the per-request context from request headers and the query text. */
  contextFor(headers: RequestHeaders, query?: string): Promise<Context>;
  /**
   * The caller of an HTTP request, from the gateway's identity header; UNAUTHENTICATED
   * (as a GraphQL error) without a valid one. Routes outside GraphQL (imports, exports) use it.
   */
  authenticate(headers: RequestHeaders): Promise<AuthContext>;
  /** The context of an in-process call as the holder of a client token (see `executeAs`). */
  contextForToken(token: string | undefined, query?: string): Promise<Context>;
}

/**
 * The only operation allowed without a token: the gateway reads the subgraph's SDL
 * (`_service { sdl }`) to compose the graph. Nothing in it touches tenant data.
 */
export function isSchemaOnlyOperation(query: string | undefined): boolean {
  if (!query) return false;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  return document.definitions.every(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (definition as OperationDefinitionNode).operation === 'query' &&
      definition.selectionSet.selections.every(
        (selection) =>
          selection.kind === Kind.FIELD && (selection.name.value === '_service' || selection.name.value === '__typename'),
      ),
  );
}

const throwUnauthenticated = (): never => {
  throw unauthenticated();
};

/**
 * The identity of a schema-only request. Any resolver that reads a claim from it fails
 * with UNAUTHENTICATED, so an anonymous request can never reach tenant data.
 */
const ANONYMOUS: AuthContext = Object.freeze(
  Object.defineProperties({} as AuthContext, {
    memberId: { get: throwUnauthenticated, enumerable: true },
    tenantId: { get: throwUnauthenticated, enumerable: true },
    roles: { get: throwUnauthenticated, enumerable: true },
  }),
);

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Lets a query's reads share one transaction per database (see RequestReads); never a mutation's. */
function sharedReadsPlugin<Context extends RequestContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'query') requestReads.getStore()?.allowSharing();
        },
      };
    },
  };
}

function errorLoggingPlugin<Context extends RequestContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            if (!isExpectedError(error)) {
              contextValue.logger.error({ err: error.originalError ?? error, operationName }, 'request failed unexpectedly');
            }
          }
        },
      };
    },
  };
}

/** A federation subgraph on Apollo Server with the project's auth, errors and logging. */
export function createSubgraph<Context extends RequestContext>(options: SubgraphOptions<Context>): Subgraph<Context> {
  const schema = buildSubgraphSchema([
    { typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap },
    ...(options.audit
      ? [{ typeDefs: auditLogTypeDefs(options.name), resolvers: auditLogResolvers(options.name, options.audit.dataSource) as GraphQLResolverMap }]
      : []),
  ]);
  if (options.audit) auditMutations(schema);
  const server = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? true,
    // Shutdown order is ours (drain HTTP, stop components, close the pool); Apollo's own
    // handler would stop the server early and re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      errorLoggingPlugin<Context>(),
      sharedReadsPlugin<Context>(),
      tracingPlugin<Context>(options.name),
      ...(options.metrics ? [metricsPlugin<Context>(options.metrics)] : []),
    ],
  });

  async function verified(verify: TokenVerifier, token: string, logger: Logger): Promise<AuthContext> {
    try {
      return await verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      logger.info({ reason: error.message }, 'rejected identity');
      throw toGraphQLError(unauthenticated('the identity is invalid or expired'));
    }
  }

  function contextOf(requestId: string, auth: AuthContext | undefined, logger: Logger): Context {
    const base: RequestContext = {
      requestId,
      logger: auth ? logger.child({ tenantId: auth.tenantId, memberId: auth.memberId }) : logger,
      auth: auth ?? ANONYMOUS,
    };
    return options.createContext(base);
  }

  async function authenticate(headers: RequestHeaders): Promise<AuthContext> {
    const identity = firstHeader(headers[IDENTITY_HEADER]);
    if (!identity) throw toGraphQLError(unauthenticated());
    return verified(options.verifyIdentity, identity, options.logger);
  }

  async function contextFor(headers: RequestHeaders, query?: string): Promise<Context> {
    const requestId = firstHeader(headers['x-request-id']) ?? randomUUID();
    const logger = options.logger.child({ requestId });
    const identity = firstHeader(headers[IDENTITY_HEADER]);
    // A client's own bearer token is ignored here on purpose: only the gateway vouches for callers.
    if (!identity && !isSchemaOnlyOperation(query)) throw toGraphQLError(unauthenticated());
    const auth = identity ? await verified(options.verifyIdentity, identity, logger) : undefined;
    return contextOf(requestId, auth, logger);
  }

  async function contextForToken(token: string | undefined, query?: string): Promise<Context> {
    const requestId = randomUUID();
    const logger = options.logger.child({ requestId });
    if (!token) {
      if (!isSchemaOnlyOperation(query)) throw toGraphQLError(unauthenticated());
      return contextOf(requestId, undefined, logger);
    }
    if (!options.verifyToken) throw new Error('this subgraph has no client token verifier for in-process calls');
    return contextOf(requestId, await verified(options.verifyToken, token, logger), logger);
  }

  return { name: options.name, schema, server, contextFor, authenticate, contextForToken };
}

/**
 * Executes an operation in-process as the holder of a client token (tests, tools). Not an
 * HTTP path: over HTTP only the gateway's identity header counts.
 */
export async function executeAs<Context extends RequestContext>(
  subgraph: Subgraph<Context>,
  request: Omit<GraphQLRequest, 'query'> & { query: string },
  token: string | undefined,
) {
  const contextValue = await subgraph.contextForToken(token, request.query);
  return subgraph.server.executeOperation(request, { contextValue });
}

/** The caller of a non-GraphQL route (streamed imports, exports): the same check as /graphql. */
export function authenticateRequest<Context extends RequestContext>(
  subgraph: Subgraph<Context>,
  request: { headers: RequestHeaders },
): Promise<AuthContext> {
  return subgraph.authenticate(request.headers);
}
