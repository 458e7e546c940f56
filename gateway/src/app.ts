import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { ServiceMetrics } from '@rapport/service-kit';
import type { Gateway } from './gateway.js';
import { mountExportProxy } from './exports.js';
import { mountImportProxies, type ImportProxyOptions } from './imports.js';
import { safelistMiddleware, type OperationManifest } from './safelist.js';
import type { SubgraphDefinition } from './subgraphs.js';

/**
 * Body-parser failures (too large, not JSON) answered as GraphQL-shaped JSON with a code,
 * never as Express's default HTML page, which carries a stack trace outside production.
 */
const jsonErrors: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, _next) => {
  const status = typeof error.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  const message = status === 413 ? 'the request body is over the 2 MB limit; large imports go to /imports/*' : status < 500 ? 'the request body is not valid JSON' : 'Internal server error';
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

async function subgraphReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** The gateway's HTTP face: /graphql, /healthz (alive), /readyz (each subgraph ready). */
export async function createGatewayApp(
  gateway: Gateway,
  subgraphs: SubgraphDefinition[],
  options: { safelist?: OperationManifest; metrics?: ServiceMetrics; imports?: ImportProxyOptions } = {},
): Promise<Express> {
  await gateway.server.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(subgraphs.map(async ({ name, url }) => [name, await subgraphReady(url)] as const));
    const checks = Object.fromEntries(results);
    const ready = results.every(([, ok]) => ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', subgraphs: checks });
  });
  if (options.metrics) {
    const { registry } = options.metrics;
    app.get('/metrics', async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    });
  }
  // Large CSV files: streamed to the owning service, before any JSON body parser sees them.
  if (options.imports) mountImportProxies(app, gateway, subgraphs, options.imports);
  // Analytics' CSV exports, with the same bearer token as /graphql.
  if (options.imports) mountExportProxy(app, gateway, subgraphs, options.imports.logger);
  app.use(
    '/graphql',
    // Large uploads have their own streamed routes; an operation never needs more.
    express.json({ limit: '2mb' }),
    ...(options.safelist ? [safelistMiddleware(options.safelist)] : []),
    expressMiddleware(gateway.server, { context: async ({ req }) => gateway.contextFor(req.headers) }),
  );
  app.use(jsonErrors);
  return app;
}
