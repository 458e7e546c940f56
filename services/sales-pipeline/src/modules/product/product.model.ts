import { centsOf, money, type MoneyModel } from '../../money.js';
import type { ProductRow } from './product.entity.js';

export interface ProductModel {
  id: string;
  sku: string;
  name: string;
  price: MoneyModel;
  recurring: boolean;
}

export function toProductModel(row: ProductRow): ProductModel {
  return { id: row.id, sku: row.sku, name: row.name, price: money(centsOf(row.priceAmount), row.currency.trim()), recurring: row.recurring };
}
