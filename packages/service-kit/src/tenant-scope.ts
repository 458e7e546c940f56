import { AsyncLocalStorage } from 'node:async_hooks';
import {
  In,
  type DataSource,
  type DeepPartial,
  type EntityManager,
  type EntityTarget,
  type FindManyOptions,
  type FindOptionsWhere,
  type ObjectLiteral,
  type QueryRunner,
  type SelectQueryBuilder,
  QueryFailedError,
} from 'typeorm';
import { recordAuditIn } from './audit.js';

/** Every stored row belongs to one tenant (workspace). */
export interface TenantOwned extends ObjectLiteral {
  tenantId: string;
}

/**
 * A repository that can only see and write one tenant's rows: every query it builds
 * carries the tenant predicate, and every row it creates gets the tenant id.
 */
export class TenantRepository<Entity extends TenantOwned> {
  constructor(
    readonly manager: EntityManager,
    readonly target: EntityTarget<Entity>,
    readonly tenantId: string,
  ) {}

  private scoped(where: FindOptionsWhere<Entity> = {}): FindOptionsWhere<Entity> {
    return { ...where, tenantId: this.tenantId } as FindOptionsWhere<Entity>;
  }

  findOneBy(where: FindOptionsWhere<Entity>): Promise<Entity | null> {
    return this.manager.findOneBy(this.target, this.scoped(where));
  }

  findById(id: string): Promise<Entity | null> {
    return this.findOneBy({ id } as unknown as FindOptionsWhere<Entity>);
  }

  /** One query for any number of ids; ids of other tenants are simply absent. */
  findByIds(ids: readonly string[]): Promise<Entity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager.findBy(this.target, this.scoped({ id: In([...ids]) } as unknown as FindOptionsWhere<Entity>));
  }

  find(options: FindManyOptions<Entity> & { where?: FindOptionsWhere<Entity> } = {}): Promise<Entity[]> {
    return this.manager.find(this.target, { ...options, where: this.scoped(options.where) });
  }

  count(where: FindOptionsWhere<Entity> = {}): Promise<number> {
    return this.manager.countBy(this.target, this.scoped(where));
  }

  create(values: Omit<DeepPartial<Entity>, 'tenantId'>): Entity {
    return this.manager.create(this.target, { ...values, tenantId: this.tenantId } as DeepPartial<Entity>);
  }

  /** Inserts a new row; unlike `save` it does not first look the row up. */
  async insert(entity: Entity): Promise<Entity> {
    const [inserted] = await this.insertAll([entity]);
    return inserted!;
  }

  /** Inserts new rows with one statement (bulk writes), in the order given. */
  async insertAll(entities: Entity[]): Promise<Entity[]> {
    if (entities.length === 0) return entities;
    if (entities.some((entity) => entity.tenantId !== this.tenantId)) throw new Error('refusing to insert a row of another tenant');
    await this.manager.insert(this.target, entities as never);
    return entities;
  }

  async save(entity: Entity): Promise<Entity> {
    if (entity.tenantId !== this.tenantId) throw new Error('refusing to save a row of another tenant');
    return this.manager.save(this.target, entity);
  }

  /** A query builder that already filters on this tenant. */
  queryBuilder(alias: string): SelectQueryBuilder<Entity> {
    return this.manager
      .createQueryBuilder(this.target, alias)
      .where(`${alias}.tenantId = :tenantId`, { tenantId: this.tenantId });
  }
}

/** The unit of work of one request or one event: one transaction, one tenant. */
export interface TenantScope {
  readonly tenantId: string;
  readonly manager: EntityManager;
  repository<Entity extends TenantOwned>(target: EntityTarget<Entity>): TenantRepository<Entity>;
}

export interface WithTenantOptions {
  /**
   * A transaction of its own even inside a query, where reads otherwise share one (see
   * RequestReads): for heavy statements a caller runs side by side on separate connections.
   */
  ownTransaction?: boolean;
}

/**
 * Runs `work` in a transaction bound to a tenant. The tenant id is also set as the
 * transaction-local `app.tenant_id`, which row-level security policies read; being
 * transaction-local, it never leaks to the next user of a pooled connection.
 */
export async function withTenant<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (scope: TenantScope) => Promise<T>,
  options: WithTenantOptions = {},
): Promise<T> {
  const shared = options.ownTransaction ? undefined : requestReads.getStore()?.share(dataSource, tenantId);
  if (shared) {
    try {
      return await shared(work);
    } catch (error) {
      // Work that a sibling's failed statement aborted, or that turned out to write, runs
      // again in a transaction of its own, as it would have without sharing.
      if (!mustRunAlone(error)) throw error;
    }
  }
  return dataSource.transaction(async (manager) => {
    const result = await work(await enterTenant(manager, tenantId));
    // Inside a mutation, the audit row joins the transaction that made the change.
    await recordAuditIn(manager, dataSource, tenantId, result);
    return result;
  });
}

/**
 * Binds an open transaction to a tenant; consumers call it per event, since one batch of
 * events may span tenants. The setting is transaction-local, like in `withTenant`.
 */
export async function enterTenant(manager: EntityManager, tenantId: string): Promise<TenantScope> {
  await manager.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
  return { tenantId, manager, repository: (target) => new TenantRepository(manager, target, tenantId) };
}

/** in_failed_sql_transaction, read_only_sql_transaction */
const RUN_ALONE_CODES = new Set(['25P02', '25006']);

function mustRunAlone(error: unknown): boolean {
  return error instanceof QueryFailedError && RUN_ALONE_CODES.has(String((error as QueryFailedError & { code?: unknown }).code));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SharedRead {
  dataSource: DataSource;
  tenantId: string;
  runner: QueryRunner;
  ready: Promise<TenantScope>;
  busy: number;
  broken: boolean;
}

/**
 * Transactions one request may hold at once per database. One: customer-360's parallel loaders
 * queue on one connection. Measured against four (alternating runs, same load): p50 at one
 * connection 53.5 vs 68.9 ms, 22 vs 18 requests/s at 50, 18 vs 24 statements a request; cheap
 * indexed reads gain less from running side by side than they pay in extra transactions.
 */
const SHARED_READS_PER_DATABASE = 1;

/**
 * The reads of one GraphQL query reuse read-only transactions per database and tenant instead
 * of each loader opening its own: a customer-360 otherwise spent 24 of its 34 round trips to
 * Postgres on START TRANSACTION, set_config and COMMIT. Opening one is a single round trip
 * (both statements in one simple query; the tenant id is checked to be a uuid, so it can be
 * inlined), and the COMMIT is sent when the HTTP response has gone, off the caller's path.
 * Reads that arrive together queue on that connection; heavy statements meant to run side
 * by side ask for their own transactions (`ownTransaction`).
 * Mutations never share: they keep one transaction per unit of work, with their audit row.
 */
export class RequestReads {
  private sharing = false;
  private closed = false;
  private inFlight = 0;
  private readonly reads: SharedRead[] = [];
  private finished: (() => void) | undefined;

  /** Called once the operation is known to be a query. */
  allowSharing(): void {
    this.sharing = true;
  }

  share(dataSource: DataSource, tenantId: string): (<T>(work: (scope: TenantScope) => Promise<T>) => Promise<T>) | undefined {
    if (!this.sharing || this.closed || !UUID.test(tenantId)) return undefined;
    // Another tenant in the same request (never for a client request) or a failed statement:
    // that work gets a transaction of its own, as without sharing.
    const usable = this.reads.filter((read) => read.dataSource === dataSource && read.tenantId === tenantId && !read.broken);
    const opened = this.reads.filter((read) => read.dataSource === dataSource).length;
    let read = usable.find((candidate) => candidate.busy === 0);
    if (!read && opened < SHARED_READS_PER_DATABASE) read = this.open(dataSource, tenantId);
    read ??= usable.sort((a, b) => a.busy - b.busy)[0];
    if (!read) return undefined;
    const shared = read;
    return async (work) => {
      this.inFlight += 1;
      shared.busy += 1;
      try {
        return await work(await shared.ready);
      } catch (error) {
        // An SQL error aborts the transaction; what follows gets another.
        if (error instanceof QueryFailedError) shared.broken = true;
        throw error;
      } finally {
        shared.busy -= 1;
        this.inFlight -= 1;
        if (this.closed && this.inFlight === 0) this.finished?.();
      }
    };
  }

  private open(dataSource: DataSource, tenantId: string): SharedRead {
    const runner = dataSource.createQueryRunner();
    const read: SharedRead = { dataSource, tenantId, runner, busy: 0, broken: false, ready: undefined as never };
    read.ready = (async () => {
      await runner.connect();
      await runner.query(`START TRANSACTION READ ONLY; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
      // TypeORM must see the transaction, so that a nested transaction becomes a savepoint
      // instead of committing this one early; it has no call for a transaction begun by hand.
      const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
      state.isTransactionActive = true;
      state.transactionDepth = 1;
      return { tenantId, manager: runner.manager, repository: (target) => new TenantRepository(runner.manager, target, tenantId) } satisfies TenantScope;
    })();
    this.reads.push(read);
    return read;
  }

  /** Ends the shared transactions once no work is using them (after the response is sent). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.finished = resolve));
    await Promise.all(
      this.reads.map(async (read) => {
        try {
          await read.ready;
          await read.runner.query(read.broken ? 'ROLLBACK' : 'COMMIT');
        } catch {
          // A transaction that failed to open or to end leaves with its connection below.
        } finally {
          await read.runner.release().catch(() => undefined);
        }
      }),
    );
  }
}

/** The current HTTP GraphQL request's shared reads, when it has any (see RequestReads). */
export const requestReads = new AsyncLocalStorage<RequestReads>();
