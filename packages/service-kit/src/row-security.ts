import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The role the runtime pool acts as: not the owner of any table and without BYPASSRLS, so
 * row-level security applies to every statement the application runs. NOLOGIN: the pool
 * connects as the owner (DATABASE_URL) and switches to it for the whole session with the
 * `role` startup option, so DATABASE_URL stays the one variable to set. An operator who wants
 * a login of its own for the application sets APP_DATABASE_URL instead.
 */
export const APP_ROLE = 'rapport_app';

/** The transaction-local setting the tenant policies compare `tenant_id` with. */
export const TENANT_SETTING = 'app.tenant_id';
/** The transaction-local setting that lets a job read (never write) across tenants; see `acrossTenants`. */
export const CROSS_TENANT_READ_SETTING = 'app.cross_tenant_read';

/**
 * Tables with a tenant_id that are cross-tenant by design: the outbox relay publishes every
 * tenant's events in commit order and the inbox dedupes every tenant's deliveries. Neither is
 * read by a GraphQL request; both stay reachable to the application role without a tenant.
 */
export const CROSS_TENANT_TABLES: readonly string[] = ['outbox', 'inbox', 'migrations'];

/** Tables the application may add to but never change: UPDATE, DELETE and TRUNCATE are revoked. */
export const APPEND_ONLY_TABLES: readonly string[] = ['audit_log'];

export const TENANT_POLICY = 'tenant_isolation';
export const CROSS_TENANT_READ_POLICY = 'cross_tenant_read';

// NULLIF: once a transaction-local value has ended, the setting reads '' for the rest of the
// session; '' must mean "no tenant" (no rows), not a cast error.
const TENANT_PREDICATE = `tenant_id = NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid`;
const CROSS_TENANT_READ_PREDICATE = `current_setting('${CROSS_TENANT_READ_SETTING}', true) = 'on'`;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Queryable = Pick<QueryRunner, 'query'> | Pick<DataSource, 'query'>;

/** Tables of the public schema with a tenant_id column, except the cross-tenant ones. */
export async function tenantTables(db: Queryable, exempt: readonly string[] = CROSS_TENANT_TABLES): Promise<string[]> {
  const rows = (await db.query(
    `SELECT c.relname AS name
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
  )) as { name: string }[];
  return rows.map((row) => row.name).filter((name) => !exempt.includes(name));
}

/**
 * Makes row-level security the backstop of tenant isolation: every tenant table gets ENABLE
 * and FORCE ROW LEVEL SECURITY with a policy on `app.tenant_id` (no tenant set, no rows), and
 * the application role gets plain DML grants and nothing else. Runs as the owner after every
 * migration run, under the migration lock, and is idempotent; it covers every table with a
 * tenant_id rather than a list written once, so a table added by any later migration gets its
 * policy without anyone remembering to add it. Returns the tables it secured.
 */
export async function secureTenantTables(db: Queryable, options: { appRole?: string } = {}): Promise<string[]> {
  const role = quoteIdent(options.appRole ?? APP_ROLE);
  const roleName = options.appRole ?? APP_ROLE;
  // Roles are cluster-wide: the databases of the four services (and parallel test runs)
  // may race to create it. Production creates it in infra (the owner cannot create roles).
  await db.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${roleName}') THEN
        CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  const [membership] = (await db.query(`SELECT pg_has_role(current_user, $1, 'MEMBER') AS member`, [roleName])) as { member: boolean }[];
  if (!membership?.member) await db.query(`GRANT ${role} TO current_user`);
  await db.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  await db.query(`REVOKE ALL ON TABLE migrations FROM ${role}`);
  for (const table of APPEND_ONLY_TABLES) {
    const [exists] = (await db.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${table}`])) as { present: boolean }[];
    if (exists?.present) await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON TABLE ${quoteIdent(table)} FROM ${role}`);
  }

  const tables = await tenantTables(db);
  const state = (await db.query(
    `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            ARRAY(SELECT p.polname::text FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = ANY($1)`,
    [tables],
  )) as { name: string; enabled: boolean; forced: boolean; policies: string[] }[];
  for (const table of state) {
    const name = quoteIdent(table.name);
    // Only what is missing: each ALTER takes an exclusive lock, and replicas start while others serve.
    if (!table.policies.includes(TENANT_POLICY)) {
      await db.query(`CREATE POLICY ${TENANT_POLICY} ON ${name} USING (${TENANT_PREDICATE}) WITH CHECK (${TENANT_PREDICATE})`);
    }
    if (!table.policies.includes(CROSS_TENANT_READ_POLICY)) {
      await db.query(`CREATE POLICY ${CROSS_TENANT_READ_POLICY} ON ${name} FOR SELECT USING (${CROSS_TENANT_READ_PREDICATE})`);
    }
    if (!table.enabled) await db.query(`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY`);
    if (!table.forced) await db.query(`ALTER TABLE ${name} FORCE ROW LEVEL SECURITY`);
  }
  return tables;
}

/**
 * Runs a read across every tenant: the one sanctioned way for a scheduled job to find which
 * tenants have work (then each tenant's rows are read and changed in `withTenant`). The
 * setting is transaction-local and the policy it opens is SELECT-only, so a job can never
 * write another tenant's rows through it.
 */
export async function acrossTenants<T>(dataSource: DataSource, read: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', async (manager) => {
    await manager.query(`SELECT set_config('${CROSS_TENANT_READ_SETTING}', 'on', true)`);
    return read(manager);
  });
}
