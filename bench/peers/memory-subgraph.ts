// A subgraph with a real service's schema and HTTP stack (service-kit: identity check, Apollo
// Server, plugins) whose resolvers answer from a recorded customer-360 answer instead of a
// database. Through our gateway, four of these measure what federation itself costs: the
// floor under customer-360 with the database taken away.
// Usage: memory-subgraph.ts <contacts|sales-pipeline|support|analytics> <recorded-answer.json>
import { readFileSync } from 'node:fs';
import { typeDefs as analyticsTypeDefs } from '@rapport/analytics/schema';
import { typeDefs as contactsTypeDefs } from '@rapport/contacts/schema';
import { typeDefs as salesPipelineTypeDefs } from '@rapport/sales-pipeline/schema';
import { typeDefs as supportTypeDefs } from '@rapport/support/schema';
import { createIdentityVerifier, createLogger, createServiceApp, createSubgraph, DEVELOPMENT_IDENTITY_SECRET, listen, type RequestContext } from '@rapport/service-kit';

const [service, recordedFile] = process.argv.slice(2);
const typeDefs = { contacts: contactsTypeDefs, 'sales-pipeline': salesPipelineTypeDefs, support: supportTypeDefs, analytics: analyticsTypeDefs }[service ?? ''];
if (!typeDefs || !recordedFile) throw new Error('usage: memory-subgraph.ts <service> <recorded-answer.json>');
const recorded = (JSON.parse(readFileSync(recordedFile, 'utf8')) as { data: { customer: Record<string, unknown> } }).data.customer;

// Every field of the recorded customer, whichever subgraph asks: default resolvers pick the ones
// the query plan sends here, so each stub returns exactly its own part of the answer.
const customerFor = (id: string) => ({ ...recorded, id });
const logger = createLogger({ name: `memory-${service}`, level: 'error' });
const subgraph = createSubgraph<RequestContext>({
  name: service!,
  typeDefs,
  resolvers: {
    ...(service === 'contacts' ? { Query: { customer: (_: unknown, args: { id: string }) => customerFor(args.id) } } : {}),
    Customer: { __resolveReference: (reference: { id: string }) => customerFor(reference.id) },
  },
  verifyIdentity: createIdentityVerifier(process.env['GATEWAY_IDENTITY_SECRET'] ?? DEVELOPMENT_IDENTITY_SECRET),
  logger,
  createContext: (base) => base,
});
const app = await createServiceApp({ subgraph, logger, readiness: {} });
const running = await listen(app, { port: Number(process.env['PORT'] ?? 0), host: '127.0.0.1' });
console.log(JSON.stringify({ event: 'listening', port: running.port }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close(1_000).then(() => process.exit(0)));
