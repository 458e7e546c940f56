import { pipeline } from 'node:stream/promises';
import { importError, type Logger } from '@rapport/service-kit';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { request as upstreamRequest } from 'undici';
import type { Gateway } from './gateway.js';
import type { SubgraphDefinition } from './subgraphs.js';

/**
 * `GET /export/<name>.csv`: analytics' CSV exports, reached with the client's bearer token like
 * `/graphql`. The gateway verifies the token and forwards the signed identity; analytics checks
 * the role and the filters (the query string, passed on as it is) and streams the CSV, which is
 * piped back without being buffered here.
 */
export function mountExportProxy(app: Express, gateway: Gateway, subgraphs: readonly SubgraphDefinition[], logger: Logger): void {
  const analytics = subgraphs.find((candidate) => candidate.name === 'analytics');
  if (!analytics) return;
  app.get('/export/:file', (request, response) => proxy(request, response, analytics, gateway, logger));
}

async function proxy(request: Request, response: Response, analytics: SubgraphDefinition, gateway: Gateway, logger: Logger): Promise<void> {
  let context: Awaited<ReturnType<Gateway['contextFor']>>;
  try {
    context = await gateway.contextFor(request.headers);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions['code'] === 'UNAUTHENTICATED') return importError(response, 401, 'UNAUTHENTICATED', error.message);
    throw error;
  }
  const target = new URL(`/export/${encodeURIComponent(String(request.params['file'] ?? ''))}`, analytics.url);
  target.search = new URL(request.originalUrl, 'http://gateway').search;
  try {
    const upstream = await upstreamRequest(target, {
      method: 'GET',
      headers: { 'x-request-id': context.requestId, 'x-rapport-identity': await context.identity() },
      // A large export streams for as long as it takes.
      bodyTimeout: 0,
    });
    response.status(upstream.statusCode);
    for (const name of ['content-type', 'content-disposition']) {
      const value = upstream.headers[name];
      if (typeof value === 'string') response.setHeader(name, value);
    }
    await pipeline(upstream.body, response);
  } catch (error) {
    logger.warn({ requestId: context.requestId, reason: error instanceof Error ? error.message : String(error) }, 'export proxy failed');
    // Cut mid-stream, the client sees a broken download rather than a short file that looks whole.
    importError(response, 502, 'SUBGRAPH_UNAVAILABLE', 'the analytics service is unavailable');
  }
}
