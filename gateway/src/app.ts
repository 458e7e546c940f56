import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { Gateway } from './gateway.js';
import type { SubgraphDefinition } from './subgraphs.js';

async function subgraphReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** The gateway's HTTP face: /graphql, /healthz (alive), /readyz (each subgraph ready). */
export async function createGatewayApp(gateway: Gateway, subgraphs: SubgraphDefinition[]): Promise<Express> {
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
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(gateway.server, { context: async ({ req }) => gateway.contextFor(req.headers) }),
  );
  return app;
}
