import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { parse } from 'graphql';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { startServiceForTest, withTenant, type RequestContext, type RunningService, type ServiceDefinition } from '../src/index.js';

class SharedReadNotes1700000000001 implements MigrationInterface {
  name = 'SharedReadNotes1700000000001';
  async up(runner: QueryRunner) {
    await runner.query(`CREATE TABLE IF NOT EXISTS shared_read_notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, body text NOT NULL)`);
  }
  async down(runner: QueryRunner) {
    await runner.query(`DROP TABLE shared_read_notes`);
  }
}

// Set once the service runs: the resolvers read through the application pool, as services do.
let appDataSource: DataSource;

/** What one unit of work saw: its transaction's start time and backend identify the transaction. */
const transactionOf = (context: RequestContext) =>
  withTenant(appDataSource, context.auth.tenantId, async (scope) => {
    const [row] = await scope.manager.query(`SELECT now()::text AS started, pg_backend_pid() AS backend, current_setting('transaction_read_only') AS "readOnly"`);
    return row;
  });

const probe: ServiceDefinition<RequestContext> = {
  name: 'shared-reads-probe',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Transaction { started: String! backend: Int! readOnly: String! next: Transaction! }
    type Query { first: Transaction! second: Transaction! alone: Transaction! notes: [String!]! broken: Int }
    type Mutation { addNote(body: String!): Transaction! second: Transaction! }
  `),
  resolvers: {
    // Resolved after its parent's work has finished: a later read of the same request.
    Transaction: { next: (_: unknown, __: unknown, context: RequestContext) => transactionOf(context) },
    Query: {
      first: (_: unknown, __: unknown, context: RequestContext) => transactionOf(context),
      second: (_: unknown, __: unknown, context: RequestContext) => transactionOf(context),
      alone: (_: unknown, __: unknown, context: RequestContext) =>
        withTenant(
          appDataSource,
          context.auth.tenantId,
          async (scope) => (await scope.manager.query(`SELECT now()::text AS started, pg_backend_pid() AS backend, current_setting('transaction_read_only') AS "readOnly"`))[0],
          { ownTransaction: true },
        ),
      notes: (_: unknown, __: unknown, context: RequestContext) =>
        withTenant(appDataSource, context.auth.tenantId, async (scope) =>
          ((await scope.manager.query(`SELECT body FROM shared_read_notes ORDER BY body`)) as { body: string }[]).map((row) => row.body),
        ),
      broken: (_: unknown, __: unknown, context: RequestContext) =>
        withTenant(appDataSource, context.auth.tenantId, (scope) => scope.manager.query(`SELECT 1 / 0 AS never`)),
    },
    Mutation: {
      addNote: (_: unknown, args: { body: string }, context: RequestContext) =>
        withTenant(appDataSource, context.auth.tenantId, async (scope) => {
          await scope.manager.query(`INSERT INTO shared_read_notes (id, tenant_id, body) VALUES ($1, $2, $3)`, [randomUUID(), scope.tenantId, args.body]);
          const [row] = await scope.manager.query(`SELECT now()::text AS started, pg_backend_pid() AS backend, current_setting('transaction_read_only') AS "readOnly"`);
          return row;
        }),
      second: (_: unknown, __: unknown, context: RequestContext) => transactionOf(context),
    },
  },
  entities: [],
  migrations: [SharedReadNotes1700000000001],
  createContext: (base) => base,
};

let service: RunningService<RequestContext>;
let url: string;
const tenantA = createTestTenant();
const tenantB = createTestTenant();

before(async () => {
  service = await startServiceForTest(probe, { databaseUrl: testDatabaseUrl('shared_reads'), jwtSecret: TEST_JWT_SECRET });
  appDataSource = service.appDataSource;
  url = `http://127.0.0.1:${service.port}/graphql`;
  await service.dataSource.query(`INSERT INTO shared_read_notes (id, tenant_id, body) VALUES ($1, $2, 'b-note')`, [randomUUID(), tenantB.tenantId]);
});
after(async () => {
  await service?.stop();
});

type Seen = { started: string; backend: number; readOnly: string };

describe('shared reads: the reads of one query share one transaction per database', () => {
  it('runs a query\'s later reads in the read-only transaction of its earlier ones, bound to the caller tenant', async () => {
    const token = await tenantA.token(['admin']);
    await graphqlRequest(url, 'mutation { addNote(body: "a-note") { started } }', { token });
    const answer = await graphqlRequest<{ first: Seen & { next: Seen & { next: Seen } }; notes: string[] }>(
      url,
      '{ first { started backend readOnly next { started backend readOnly next { started backend readOnly } } } }',
      { token },
    );
    assert.equal(answer.errors, undefined);
    const { next, ...first } = answer.data!.first;
    const { next: third, ...second } = next;
    assert.deepEqual(second, first);
    assert.deepEqual(third, first);
    assert.equal(first.readOnly, 'on');
    const notes = await graphqlRequest<{ notes: string[] }>(url, '{ notes }', { token });
    assert.deepEqual(notes.data!.notes, ['a-note']);
  });

  it('queues sibling reads on the shared transaction, unless a read asks for its own', async () => {
    const token = await tenantA.token(['admin']);
    const answer = await graphqlRequest<{ first: Seen; second: Seen; alone: Seen }>(
      url,
      '{ first { started backend readOnly } second { started backend readOnly } alone { started backend readOnly } }',
      { token },
    );
    assert.equal(answer.errors, undefined);
    assert.deepEqual(answer.data!.second, answer.data!.first);
    assert.notEqual(answer.data!.alone.backend, answer.data!.first.backend);
    assert.equal(answer.data!.alone.readOnly, 'off');
  });

  it('gives each mutation unit of work its own writable transaction', async () => {
    const token = await tenantA.token(['admin']);
    const answer = await graphqlRequest<{ addNote: Seen; second: Seen }>(url, 'mutation { addNote(body: "another") { started backend readOnly } second { started backend readOnly } }', { token });
    assert.equal(answer.errors, undefined);
    assert.equal(answer.data!.addNote.readOnly, 'off');
    assert.notEqual(answer.data!.addNote.started, answer.data!.second.started);
  });

  it('keeps answering the other fields after an SQL error in one of them', async () => {
    const token = await tenantB.token(['admin']);
    // Reads queued behind the failing one on the shared transaction find it aborted and must
    // read again in a transaction of their own.
    const fields = ['a', 'b', 'c', 'd', 'e', 'f'];
    const answer = await graphqlRequest<Record<string, string[] | number | null>>(url, `{ broken ${fields.map((field) => `${field}: notes`).join(' ')} }`, { token });
    assert.equal(answer.errors?.length, 1);
    assert.deepEqual(answer.errors![0]!.path, ['broken']);
    for (const field of fields) assert.deepEqual(answer.data![field], ['b-note']);
  });

  it('ends the shared transactions once the answer is sent: no connection is left inside one', async () => {
    const token = await tenantA.token(['admin']);
    for (let i = 0; i < 5; i += 1) await graphqlRequest(url, '{ first { started } second { started } notes }', { token });
    let open: unknown[] = [];
    for (let attempt = 0; attempt < 100; attempt += 1) {
      open = await service.dataSource.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`,
      );
      if (open.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(open, []);
  });
});
