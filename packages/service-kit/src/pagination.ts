import { badInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Page size from `first`: default 20, capped at 100 whatever the client asks. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badInput('first', 'first must be a non-negative integer');
  return Math.min(first, MAX_PAGE_SIZE);
}

/** A keyset position: the sort value and the id that breaks ties. */
export interface CursorPosition {
  sortValue: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sortValue, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): CursorPosition | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { sortValue: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(field, 'cursor is not one this API issued');
}

/**
 * Builds a connection from rows fetched with `limit + 1`: the extra row only tells
 * whether another page exists.
 */
export function toConnection<Row, Node>(
  rows: Row[],
  limit: number,
  totalCount: number,
  position: (row: Row) => CursorPosition,
  toNode: (row: Row) => Node,
): Connection<Node> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: encodeCursor(position(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
