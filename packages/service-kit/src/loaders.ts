import DataLoader from 'dataloader';

/**
 * A per-request loader that fetches any number of rows by key in one call and hands
 * each caller its own row (or null). Used by `__resolveReference` and list fields so
 * that N representations cost one query, not N.
 */
export function createKeyLoader<Row, Key extends string = string>(
  fetchMany: (keys: readonly Key[]) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row | null> {
  return new DataLoader<Key, Row | null>(
    async (keys) => {
      const rows = await fetchMany(keys);
      const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: 500 },
  );
}

/** Like createKeyLoader, for one-to-many: each key gets the list of its rows. */
export function createGroupLoader<Row, Key extends string = string>(
  fetchMany: (keys: readonly Key[]) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row[]> {
  return new DataLoader<Key, Row[]>(
    async (keys) => {
      const rows = await fetchMany(keys);
      const byKey = new Map<Key, Row[]>();
      for (const row of rows) {
        const key = keyOf(row);
        const list = byKey.get(key);
        if (list) list.push(row);
        else byKey.set(key, [row]);
      }
      return keys.map((key) => byKey.get(key) ?? []);
    },
    { maxBatchSize: 500 },
  );
}
