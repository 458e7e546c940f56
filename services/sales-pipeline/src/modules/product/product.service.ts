import { randomUUID } from 'node:crypto';
import { badInput, isUuid, notFound, requireRole, withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { UpsertProductInput } from '../../generated/graphql.js';
import { normaliseCurrency, toCents, toNumeric } from '../../money.js';
import { READERS, WRITERS } from '../../roles.js';
import { requireText } from '../../validation.js';
import { ProductEntity, type ProductRow } from './product.entity.js';
import { toProductModel, type ProductModel } from './product.model.js';

export class ProductService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * With an id: that product (another tenant's id is NOT_FOUND). Without: the product with
   * this sku, created when missing, so that repeating a call never duplicates a product.
   */
  async upsert(auth: AuthContext, input: UpsertProductInput): Promise<ProductModel> {
    requireRole(auth, WRITERS);
    const sku = requireText(input.sku, 'sku', 100);
    const values = {
      sku,
      name: requireText(input.name, 'name'),
      priceAmount: toNumeric(toCents(input.price, 'price', { allowZero: true })),
      currency: normaliseCurrency(input.currency),
    };
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const products = scope.repository(ProductEntity);
      let row: ProductRow | null;
      if (input.id !== null && input.id !== undefined) {
        if (!isUuid(input.id)) throw notFound('product', input.id);
        row = await products.queryBuilder('product').andWhere('product.id = :id', { id: input.id }).setLock('pessimistic_write').getOne();
        if (!row) throw notFound('product', input.id);
      } else {
        row = await products.queryBuilder('product').andWhere('product.sku = :sku', { sku }).setLock('pessimistic_write').getOne();
      }
      const now = new Date();
      if (!row) {
        const created = products.create({ id: randomUUID(), ...values, recurring: input.recurring ?? false, createdAt: now, updatedAt: now });
        // ON CONFLICT keeps a concurrent create of the same sku from failing as a 500.
        const inserted = await scope.manager
          .createQueryBuilder()
          .insert()
          .into(ProductEntity)
          .values(created)
          .orIgnore()
          .returning('id')
          .execute();
        if (inserted.raw.length === 0) throw badInput('sku', `a product with sku "${sku}" was just created; retry`);
        return toProductModel(created);
      }
      if (row.sku !== sku && (await products.count({ sku }))) {
        throw badInput('sku', `another product already has sku "${sku}"`);
      }
      Object.assign(row, values, { recurring: input.recurring ?? row.recurring, updatedAt: now });
      return toProductModel(await products.save(row));
    });
  }

  async list(auth: AuthContext): Promise<ProductModel[]> {
    requireRole(auth, READERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (await scope.repository(ProductEntity).find({ order: { sku: 'ASC' } })).map(toProductModel),
    );
  }

  /** Any number of products in one query; other tenants' ids are absent. */
  async findByIds(auth: AuthContext, ids: readonly string[]): Promise<ProductModel[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (await scope.repository(ProductEntity).findByIds(valid)).map(toProductModel),
    );
  }
}
