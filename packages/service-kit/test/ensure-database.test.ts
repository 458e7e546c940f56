import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { testDatabaseUrl } from '@rapport/test-kit';
import { ensureDatabase } from '../src/index.js';

describe('ensureDatabase', () => {
  it('creates a database once when many callers race for it', async () => {
    const url = new URL(testDatabaseUrl('service_kit'));
    const name = `rapport_race_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    url.pathname = `/${name}`;
    await Promise.all(Array.from({ length: 8 }, () => ensureDatabase(url.toString())));
    const admin = new URL(url);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      assert.equal(found.rowCount, 1);
      await client.query(`DROP DATABASE "${name}"`);
    } finally {
      await client.end();
    }
  });
});
