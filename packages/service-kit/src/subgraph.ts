import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { parse, type DocumentNode, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import { bearerToken, InvalidTokenError, type AuthContext, type TokenVerifier } from './auth.js';
import { formatError, isExpectedError, toGraphQLError, unauthenticated } from './errors.js';
import type { Logger } from './logger.js';
import { metricsPlugin, type ServiceMetrics } from './metrics.js';

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
  verifyToken: TokenVerifier;
  logger: Logger;
  /** Adds the service's own per-request state (loaders, services) to the base context. */
  createContext: (base: RequestContext) => Context;
  introspection?: boolean;
  metrics?: ServiceMetrics;
}

export interface RequestHeaders {
  authorization?: string | string[] | undefined;
  'x-request-id'?: string | string[] | undefined;
}

export interface Subgraph<Context extends RequestContext> {
  readonly name: string;
  readonly schema: GraphQLSchema;
  readonly server: ApolloServer<Context>;
  /** Builds the per-request context from request headers and the query text. */
  contextFor(headers: RequestHeaders, query?: string): Promise<Context>;
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
  const schema = buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap }]);
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
      ...(options.metrics ? [metricsPlugin<Context>(options.metrics)] : []),
    ],
  });

  async function contextFor(headers: RequestHeaders, query?: string): Promise<Context> {
    const requestId = firstHeader(headers['x-request-id']) ?? randomUUID();
    const logger = options.logger.child({ requestId });
    const token = bearerToken(headers.authorization);
    let auth: AuthContext | undefined;
    if (token) {
      try {
        auth = await options.verifyToken(token);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        logger.info({ reason: error.message }, 'rejected token');
        throw toGraphQLError(unauthenticated('the bearer token is invalid or expired'));
      }
    } else if (!isSchemaOnlyOperation(query)) {
      throw toGraphQLError(unauthenticated());
    }
    const base: RequestContext = {
      requestId,
      logger: auth ? logger.child({ tenantId: auth.tenantId, memberId: auth.memberId }) : logger,
      auth: auth ?? ANONYMOUS,
    };
    return options.createContext(base);
  }

  return { name: options.name, schema, server, contextFor };
}

/** Executes an operation in-process as a caller with the given token (tests, tools). */
export async function executeAs<Context extends RequestContext>(
  subgraph: Subgraph<Context>,
  request: Omit<GraphQLRequest, 'query'> & { query: string },
  token: string | undefined,
) {
  const contextValue = await subgraph.contextFor(token ? { authorization: `Bearer ${token}` } : {}, request.query);
  return subgraph.server.executeOperation(request, { contextValue });
}
