import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { parse } from 'graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  acrossTenants,
  APP_ROLE,
  startServiceForTest,
  tenantTables,
  withTenant,
  type RequestContext,
  type RunningService,
  type ServiceDefinition,
} from '../src/index.js';

class ProbeNotes1700000000000 implements MigrationInterface {
  name = 'ProbeNotes1700000000000';
  async up(runner: QueryRunner) {
    await runner.query(`CREATE TABLE IF NOT EXISTS probe_notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, body text NOT NULL)`);
  }
  async down(runner: QueryRunner) {
    await runner.query(`DROP TABLE probe_notes`);
  }
}

const probe: ServiceDefinition<RequestContext> = {
  name: 'row-security-probe',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { ping: String! }
  `),
  resolvers: { Query: { ping: () => 'pong' } },
  entities: [],
  migrations: [ProbeNotes1700000000000],
  createContext: (base) => base,
};

let service: RunningService<RequestContext>;
const tenantA = randomUUID();
const tenantB = randomUUID();

before(async () => {
  service = await startServiceForTest(probe, { databaseUrl: testDatabaseUrl('row_security'), jwtSecret: TEST_JWT_SECRET });
  for (const tenant of [tenantA, tenantB]) {
    await withTenant(service.appDataSource, tenant, (scope) =>
      scope.manager.query(`INSERT INTO probe_notes (id, tenant_id, body) VALUES ($1, $2, 'note')`, [randomUUID(), tenant]),
    );
  }
});
after(async () => {
  await service?.stop();
});

const tenantsIn = (rows: { tenant_id: string }[]) => [...new Set(rows.map((row) => row.tenant_id))];

describe('row-level security, the backstop of tenant isolation', () => {
  it('runs the service as a role that is neither superuser, owner nor exempt from the policies', async () => {
    const [who] = await service.appDataSource.query(
      `SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass FROM pg_roles r WHERE r.rolname = current_user`,
    );
    assert.deepEqual(who, { name: APP_ROLE, superuser: false, bypass: false });
    const [owner] = await service.appDataSource.query(`SELECT tableowner FROM pg_tables WHERE tablename = 'probe_notes'`);
    assert.notEqual(owner.tableowner, APP_ROLE);
  });

  it('forces row-level security with the tenant policy on every table with a tenant_id', async () => {
    const tables = await tenantTables(service.dataSource);
    assert.ok(tables.includes('probe_notes'));
    const unsecured = await service.dataSource.query(
      `SELECT c.relname FROM pg_class c
        WHERE c.relname = ANY($1) AND NOT (c.relrowsecurity AND c.relforcerowsecurity
          AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation'))`,
      [tables],
    );
    assert.deepEqual(unsecured, []);
  });

  it('returns only the scoped tenant rows to a query that forgot its tenant predicate', async () => {
    const rows = await withTenant(service.appDataSource, tenantB, (scope) => scope.manager.query(`SELECT tenant_id FROM probe_notes`));
    assert.deepEqual(tenantsIn(rows), [tenantB]);
    const changed = await withTenant(service.appDataSource, tenantB, (scope) =>
      scope.manager.query(`UPDATE probe_notes SET body = 'overwritten' WHERE tenant_id = $1 RETURNING id`, [tenantA]),
    );
    assert.deepEqual(changed[0], []);
    const [untouched] = await service.dataSource.query(`SELECT body FROM probe_notes WHERE tenant_id = $1`, [tenantA]);
    assert.equal(untouched.body, 'note');
  });

  it('refuses to write a row of another tenant inside a tenant scope', async () => {
    await assert.rejects(
      withTenant(service.appDataSource, tenantB, (scope) =>
        scope.manager.query(`INSERT INTO probe_notes (id, tenant_id, body) VALUES ($1, $2, 'smuggled')`, [randomUUID(), tenantA]),
      ),
      /row-level security/,
    );
  });

  it('fails closed with no tenant set: nothing read, nothing written', async () => {
    assert.deepEqual(await service.appDataSource.query(`SELECT * FROM probe_notes`), []);
    await assert.rejects(
      service.appDataSource.query(`INSERT INTO probe_notes (id, tenant_id, body) VALUES ($1, $2, 'x')`, [randomUUID(), tenantA]),
      /row-level security/,
    );
  });

  it('never carries a tenant over to the next transaction on the same pooled connection', async () => {
    const runner = service.appDataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
      assert.equal((await runner.query(`SELECT * FROM probe_notes`)).length, 1);
      await runner.commitTransaction();
      assert.deepEqual(await runner.query(`SELECT * FROM probe_notes`), []);
      // RESET ROLE returns to the pool's role, not to the owner it logged in as.
      await runner.query('RESET ROLE');
      assert.deepEqual(await runner.query(`SELECT * FROM probe_notes`), []);
    } finally {
      await runner.release();
    }
  });

  it('lets a job read across tenants to find work, but never write through that opening', async () => {
    const rows = await acrossTenants(service.appDataSource, (manager) => manager.query(`SELECT DISTINCT tenant_id FROM probe_notes`));
    assert.ok(tenantsIn(rows).includes(tenantA) && tenantsIn(rows).includes(tenantB));
    const updated = await acrossTenants(service.appDataSource, (manager) =>
      manager.query(`UPDATE probe_notes SET body = 'mass edit' RETURNING id`),
    );
    assert.deepEqual(updated[0], []);
  });
});
