import { badInput, DomainError } from '@rapport/service-kit';

/**
 * Items one bulk mutation may carry: 1,000 interactions or contacts stay well within the
 * gateway's 2 MB request body, and one transaction of that size holds its locks briefly.
 */
export const BULK_LIMIT = 1_000;

/**
 * Where an item's error points. A single mutation's input is the item itself (`customerId`);
 * a bulk mutation names the item in its list (`interactions[3].customerId`).
 */
export type ItemPath = (index: number, field: string) => string;

export const singleItem: ItemPath = (_index, field) => field;

/** The items of one list argument, checked against BULK_LIMIT. */
export function listItems<Item>(list: string, items: readonly Item[]): ItemPath {
  if (items.length > BULK_LIMIT) throw badInput(list, `${list} holds at most ${BULK_LIMIT} items (got ${items.length})`);
  return (index, field) => `${list}[${index}].${field}`;
}

/**
 * Runs the single mutation's rules on every item; the first item that breaks one rejects the
 * whole list, its error naming the item.
 */
export function eachItem<Item, Result>(items: readonly Item[], path: ItemPath, check: (item: Item) => Result): Result[] {
  return items.map((item, index) => {
    try {
      return check(item);
    } catch (error) {
      if (error instanceof DomainError && error.field !== undefined) throw new DomainError(error.code, error.message, path(index, error.field));
      throw error;
    }
  });
}
