import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/**
 * The fixed set of error codes clients can see. Anything else is masked as
 * INTERNAL_SERVER_ERROR and logged with the request id.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'SUBGRAPH_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'OPERATION_NOT_ALLOWED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT';

/** A rule of the domain was broken; the message is safe to show to the client. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, reason: string) => new DomainError('BAD_USER_INPUT', reason, field);
export const notFound = (what: string, id?: string) =>
  new DomainError('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${id} not found`);
export const forbidden = (reason: string) => new DomainError('FORBIDDEN', reason);
export const unauthenticated = (reason = 'a valid bearer token is required') =>
  new DomainError('UNAUTHENTICATED', reason);

function httpStatusFor(code: DomainErrorCode): number | undefined {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
      // Resolver errors keep HTTP 200 so that partial data still reaches the client.
      return undefined;
  }
}

export function toGraphQLError(error: DomainError): GraphQLError {
  const status = httpStatusFor(error.code);
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...(error.field === undefined ? {} : { field: error.field }),
      reason: error.message,
      ...(status === undefined ? {} : { http: { status } }),
    },
  });
}

const PASSED_THROUGH = new Set<string>(ERROR_CODES);

/**
 * One place where every error leaving a subgraph is shaped: domain errors keep their
 * code, field and reason; GraphQL's own request errors pass; the rest is masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const shaped = toGraphQLError(original);
      return { ...formatted, message: shaped.message, extensions: { ...shaped.extensions, http: undefined } };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && PASSED_THROUGH.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Logged with the request id by the error-logging plugin; the client sees only the code.
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
}

/** True for errors the client is meant to see (domain rules, bad requests); false for bugs. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return true;
  if (original instanceof GraphQLError) {
    const code = original.extensions['code'];
    return typeof code === 'string' && PASSED_THROUGH.has(code) && code !== 'INTERNAL_SERVER_ERROR';
  }
  return false;
}
