import { pipeline } from 'node:stream/promises';
import { byteLimit, IMPORT_MAX_BYTES, importError, isBodyTooLarge, isCsvRequest, type Logger } from '@rapport/service-kit';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { request as upstreamRequest } from 'undici';
import type { Gateway } from './gateway.js';
import type { SubgraphDefinition } from './subgraphs.js';

/** Each streamed import route and the subgraph that owns what it imports. */
const IMPORT_ROUTES = [
  { path: '/imports/customers', service: 'contacts', query: [] as string[] },
  { path: '/imports/orders', service: 'sales-pipeline', query: ['createCustomers'] },
] as const;

export interface ImportProxyOptions {
  logger: Logger;
  /** The body limit (100 MB); tests lower it to prove the limit without sending 100 MB. */
  maxBytes?: number;
}

/**
 * `POST /imports/customers` and `POST /imports/orders`: a `text/csv` body of up to 100 MB,
 * streamed to the owning service as it arrives (never buffered whole here), with the caller
 * verified by the gateway and forwarded as the signed identity like any GraphQL request. The
 * service's answer (the ImportReport, or an error) is passed back as it is.
 */
export function mountImportProxies(app: Express, gateway: Gateway, subgraphs: readonly SubgraphDefinition[], options: ImportProxyOptions): void {
  const maxBytes = options.maxBytes ?? IMPORT_MAX_BYTES;
  for (const route of IMPORT_ROUTES) {
    const subgraph = subgraphs.find((candidate) => candidate.name === route.service);
    if (!subgraph) continue;
    app.post(route.path, (request, response) => proxy(request, response, route, subgraph, gateway, maxBytes, options.logger));
  }
}

async function proxy(
  request: Request,
  response: Response,
  route: (typeof IMPORT_ROUTES)[number],
  subgraph: SubgraphDefinition,
  gateway: Gateway,
  maxBytes: number,
  logger: Logger,
): Promise<void> {
  let context: Awaited<ReturnType<Gateway['contextFor']>>;
  try {
    context = await gateway.contextFor(request.headers);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions['code'] === 'UNAUTHENTICATED') {
      return importError(response, 401, 'UNAUTHENTICATED', error.message);
    }
    throw error;
  }
  if (!isCsvRequest(request)) return importError(response, 415, 'BAD_REQUEST', 'send the file as Content-Type: text/csv');
  // A declared size over the limit is refused before a byte is read or sent on.
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
    request.resume();
    return importError(response, 413, 'PAYLOAD_TOO_LARGE', `the file is over the ${maxBytes}-byte limit`);
  }
  const target = new URL(route.path, subgraph.url);
  for (const name of route.query) {
    const value = request.query[name];
    if (typeof value === 'string') target.searchParams.set(name, value);
  }
  const body = byteLimit(maxBytes);
  const sending = pipeline(request, body).catch(() => undefined);
  try {
    const upstream = await upstreamRequest(target, {
      method: 'POST',
      headers: {
        'content-type': request.headers['content-type'] ?? 'text/csv',
        'x-request-id': context.requestId,
        'x-rapport-identity': await context.identity(),
      },
      body,
      // The service answers once the whole file is written: no time limit on that wait.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    response.status(upstream.statusCode);
    const contentType = upstream.headers['content-type'];
    if (typeof contentType === 'string') response.setHeader('content-type', contentType);
    await pipeline(upstream.body, response);
  } catch (error) {
    if (isBodyTooLarge(body.errored) || isBodyTooLarge(error)) {
      request.resume();
      return importError(response, 413, 'PAYLOAD_TOO_LARGE', `the file is over the ${maxBytes}-byte limit; rows before the limit may have been imported`);
    }
    logger.warn({ requestId: context.requestId, service: route.service, reason: error instanceof Error ? error.message : String(error) }, 'import proxy failed');
    return importError(response, 502, 'SUBGRAPH_UNAVAILABLE', `the ${route.service} service is unavailable`);
  } finally {
    await sending;
  }
}
