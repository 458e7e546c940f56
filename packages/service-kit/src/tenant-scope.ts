import {
  In,
  type DataSource,
  type DeepPartial,
  type EntityManager,
  type EntityTarget,
  type FindManyOptions,
  type FindOptionsWhere,
  type ObjectLiteral,
  type SelectQueryBuilder,
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
    if (entity.tenantId !== this.tenantId) throw new Error('refusing to insert a row of another tenant');
    await this.manager.insert(this.target, entity as never);
    return entity;
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

/**
 * Runs `work` in a transaction bound to a tenant. The tenant id is also set as the
 * transaction-local `app.tenant_id`, which row-level security policies read; being
 * transaction-local, it never leaks to the next user of a pooled connection.
 */
export async function withTenant<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
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
