import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import type { Logger } from './logger.js';
import type { ServiceMetrics } from './metrics.js';
import type { RequestContext, Subgraph } from './subgraph.js';
import { RequestReads, requestReads } from './tenant-scope.js';

export type ReadinessCheck = () => Promise<boolean>;

export interface ServiceAppOptions<Context extends RequestContext> {
  subgraph: Subgraph<Context>;
  logger: Logger;
  /** Named dependencies /readyz checks (database, broker, ...). */
  readiness: Record<string, ReadinessCheck>;
  /** Extra routes (imports, exports, metrics) mounted before GraphQL. */
  routes?: (app: Express) => void;
  bodyLimit?: string;
  metrics?: ServiceMetrics;
}

async function checkAll(checks: Record<string, ReadinessCheck>): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await check().catch(() => false)] as const),
  );
  return Object.fromEntries(entries);
}

/** The HTTP face of a subgraph: /graphql, /healthz (alive) and /readyz (dependencies reachable). */
export async function createServiceApp<Context extends RequestContext>(
  options: ServiceAppOptions<Context>,
): Promise<Express> {
  await options.subgraph.server.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.subgraph.name });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await checkAll(options.readiness);
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  if (options.metrics) {
    const { registry } = options.metrics;
    app.get('/metrics', async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    });
  }
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '5mb' }),
    (req, res, next) => {
      // The request's reads may share a transaction (see RequestReads); it ends once the
      // response is out, or the client has gone.
      const reads = new RequestReads();
      res.on('close', () => void reads.close());
      requestReads.run(reads, next);
    },
    expressMiddleware(options.subgraph.server, {
      context: async ({ req }: { req: Request }) => {
        const body = req.body as { query?: unknown } | undefined;
        return options.subgraph.contextFor(req.headers, typeof body?.query === 'string' ? body.query : undefined);
      },
    }),
  );
  return app;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then closes. */
  close(graceMs?: number): Promise<void>;
}

// Above the gateway's pooled-socket idle timeout, so the client always closes first and
// never writes into a socket the server is tearing down.
export const SERVER_KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** The longest one request may take to arrive, body included (the largest import). */
export const REQUEST_TIMEOUT_MS = 60 * 60_000;

export async function listen(
  app: Express,
  options: { port: number; host: string; logger?: Logger },
): Promise<RunningHttpServer> {
  const server = createServer(app);
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS + 1_000;
  // A streamed import (up to 100 MB) is received only as fast as its batches are written, which
  // can outlast Node's default 5 minutes for a whole request; headersTimeout still bounds idle openers.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        const forced = setTimeout(() => server.closeAllConnections(), graceMs);
        forced.unref();
        server.close(() => {
          clearTimeout(forced);
          resolve();
        });
        // Idle keep-alive sockets would otherwise hold close() open until they time out.
        server.closeIdleConnections();
      }),
  };
}
