// searchCustomers, measured at 100k customers (and 50k contacts) in one workspace, over HTTP
// through the real service, as a client would call it.
// Run from services/contacts: node --conditions=development --import tsx bench/search.ts
import { randomUUID } from 'node:crypto';
import { startServiceForTest } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, startEmbeddedPostgres, TEST_JWT_SECRET } from '@rapport/test-kit';
import { contactsService } from '../src/service.js';

const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? 100_000);
const SEARCHES = Number(process.env['BENCH_SEARCHES'] ?? 300);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const postgres = await startEmbeddedPostgres({ ephemeral: true });
const service = await startServiceForTest(contactsService, {
  databaseUrl: postgres.url.replace(/\/postgres$/, '/contacts_search_bench'),
  jwtSecret: TEST_JWT_SECRET,
});
const tenant = createTestTenant();
const words = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'vandelay', 'wonka', 'stark', 'wayne', 'tyrell', 'cyberdyne', 'soylent', 'oscorp', 'aperture', 'monarch', 'duff'];
const suffixes = ['ltd', 'gmbh', 'inc', 'sa', 'holdings', 'labs', 'systems', 'partners'];

// Seeded in SQL: the point is the read path, and 100k GraphQL mutations would measure writes.
const seedStarted = performance.now();
await service.dataSource.query(
  `INSERT INTO customers (id, tenant_id, name, kind, email, domain, country)
   SELECT gen_random_uuid(), $1,
          initcap(w1) || ' ' || initcap(w2) || ' ' || s || ' ' || n,
          'BUSINESS', 'billing' || n || '@' || w1 || w2 || '.example', w1 || w2 || n || '.example',
          (ARRAY['DE','FR','GB','US','NL'])[1 + n % 5]
     FROM generate_series(1, $2) AS n,
          LATERAL (SELECT ($3::text[])[1 + (n * 7) % array_length($3::text[], 1)] AS w1,
                          ($3::text[])[1 + (n * 13 / 5) % array_length($3::text[], 1)] AS w2,
                          ($4::text[])[1 + n % array_length($4::text[], 1)] AS s) AS pick`,
  [tenant.tenantId, CUSTOMERS, words, suffixes],
);
await service.dataSource.query(
  `INSERT INTO contacts (id, tenant_id, customer_id, first_name, last_name)
   SELECT gen_random_uuid(), tenant_id, id, 'Person' || substr(id::text, 1, 4), 'Surname' || substr(id::text, 5, 4)
     FROM customers WHERE tenant_id = $1 AND random() < 0.5`,
  [tenant.tenantId],
);
await service.dataSource.query(`ANALYZE customers; ANALYZE contacts`);
const seedSeconds = (performance.now() - seedStarted) / 1000;

const url = `http://127.0.0.1:${service.port}/graphql`;
const token = await tenant.token(['analyst']);
const queries = ['acme', 'globx', 'initech labs', 'umbrela gmbh', 'billing42@', 'wonkastark', 'hooli 123', 'person1a', 'tyrel', 'duff systems'];
const timings: number[] = [];
for (let index = 0; index < SEARCHES; index += 1) {
  const text = `${queries[index % queries.length]}${index % 3 === 0 ? '' : ` ${index}`}`;
  const started = performance.now();
  const result = await graphqlRequest(url, `query($text: String!) { searchCustomers(text: $text, first: 20) { id } }`, { token, variables: { text } });
  timings.push(performance.now() - started);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
}
timings.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    benchmark: 'searchCustomers',
    runId: randomUUID(),
    customers: CUSTOMERS,
    searches: SEARCHES,
    seedSeconds: Number(seedSeconds.toFixed(1)),
    p50Ms: Number(percentile(timings, 50).toFixed(1)),
    p95Ms: Number(percentile(timings, 95).toFixed(1)),
    maxMs: Number((timings.at(-1) ?? NaN).toFixed(1)),
  }),
);
await service.stop();
await postgres.stop();
