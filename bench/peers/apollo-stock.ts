// Stock @apollo/gateway with its defaults (its own fetcher, no cluster tuning of its own), given
// only what our graph requires of any gateway: verify the client's token and forward the caller
// as the signed identity header. Workers: node:cluster, as many as our gateway runs.
// node --conditions=development --import tsx bench/peers/apollo-stock.ts
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { createIdentitySigner, createTokenVerifier, DEVELOPMENT_IDENTITY_SECRET, IDENTITY_HEADER } from '@rapport/service-kit';

const workers = Number(process.env['WORKERS'] ?? 1);
const port = Number(process.env['PORT']);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i += 1) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const verify = createTokenVerifier({ secret: process.env['JWT_SECRET']! });
  const sign = createIdentitySigner(DEVELOPMENT_IDENTITY_SECRET);
  interface Context {
    identity: string;
  }
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(process.env['SUPERGRAPH_FILE']!, 'utf8'),
    buildService: ({ url }) =>
      new (class extends RemoteGraphQLDataSource<Context> {
        override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<Context>['willSendRequest']>>[0]) {
          if (context?.identity) request.http?.headers.set(IDENTITY_HEADER, context.identity);
        }
      })({ url: url! }),
  });
  const server = new ApolloServer<Context>({ gateway });
  await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async ({ req }) => ({ identity: await sign(await verify(String(req.headers.authorization ?? '').replace(/^Bearer /, ''))) }),
  });
  if (cluster.isPrimary || cluster.worker?.id === 1) process.stdout.write(`${JSON.stringify({ event: 'listening', port })}\n`);
  process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}
