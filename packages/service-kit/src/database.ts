import { createHash } from 'node:crypto';
import pg from 'pg';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema, type Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from './logger.js';
import { secureTenantTables } from './row-security.js';

export interface DataSourceConfig {
  url: string;
  entities: MixedList<Function | EntitySchema>;
  migrations: MixedList<Function>;
  poolSize?: number;
  /** Called for every statement; used by tests and benchmarks to count SQL. */
  onQuery?: (sql: string) => void;
  applicationName?: string;
  /**
   * A role every connection of the pool switches to at start (the `role` startup option),
   * e.g. the application role under row-level security. Unlike a SET ROLE statement,
   * RESET ROLE on such a connection returns to this role, not to the login.
   */
  role?: string;
}

class StatementCounterLogger implements TypeOrmLogger {
  constructor(private readonly onQuery: (sql: string) => void) {}
  logQuery(query: string) {
    this.onQuery(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** One TypeORM data source per service, against that service's own database. */
export function createDataSource(config: DataSourceConfig): DataSource {
  const options: DataSourceOptions = {
    type: 'postgres',
    url: config.url,
    entities: config.entities,
    migrations: config.migrations,
    migrationsTableName: 'migrations',
    // Schema changes go through migrations only, never through entity synchronisation.
    synchronize: false,
    migrationsRun: false,
    applicationName: config.applicationName,
    extra: {
      max: config.poolSize ?? 10,
      idleTimeoutMillis: 30_000,
      ...(config.role ? { options: `-c role=${config.role}` } : {}),
    },
    ...(config.onQuery ? { logging: ['query'] as const, logger: new StatementCounterLogger(config.onQuery) } : {}),
  };
  return new DataSource(options);
}

function advisoryLockKey(name: string): string {
  // pg_advisory_lock takes a bigint; derive a stable one from the database name.
  return BigInt.asIntN(64, BigInt('0x' + createHash('sha256').update(name).digest('hex').slice(0, 16))).toString();
}

/**
 * Runs pending migrations under an advisory lock, so that several replicas (or test
 * processes) starting at once apply each migration exactly once.
 */
export async function runMigrations(dataSource: DataSource, logger?: Logger): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const key = advisoryLockKey(`migrations:${dataSource.driver.database ?? 'default'}`);
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger?.info({ migration: migration.name }, 'migration applied');
    const secured = await secureTenantTables(runner);
    logger?.debug({ tables: secured }, 'row-level security in force');
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Creates the database named in the URL when it does not exist yet. Used by the
 * embedded development stack and tests; production databases come from infra/.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`refusing to create database with name "${database}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    // Several processes (test files, replicas) may race to create the same database:
    // "already exists" in any of its forms means done; template1 busy means try again.
    for (let attempt = 1; ; attempt += 1) {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount !== 0) return;
      try {
        await client.query(`CREATE DATABASE "${database}"`);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === '42P04' || code === '23505') return;
        if (code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  } finally {
    await client.end();
  }
}

/** True when the database answers a trivial query; backs /readyz. */
export async function isDatabaseReachable(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** True when the public schema has the table (optional platform tables such as audit_log). */
export async function hasTable(dataSource: DataSource, table: string): Promise<boolean> {
  const [row] = (await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS present', [`public.${table}`])) as { present: boolean }[];
  return row?.present ?? false;
}
