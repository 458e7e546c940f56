import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { csvBatches, DomainError, readCsvRows } from './index.js';

const columns = ['name', 'kind', 'tags'] as const;

async function rejects(source: string, pattern: RegExp, options: { maxRows?: number } = {}) {
  await assert.rejects(readCsvRows(source, { columns, required: ['name'], ...options }), (error: unknown) => {
    assert.ok(error instanceof DomainError);
    assert.equal(error.field, 'csv');
    assert.match(error.message, pattern);
    return true;
  });
}

describe('CSV imports: reading', () => {
  it('numbers data rows from 1 without the header, matches columns case-insensitively, keeps quoted commas', async () => {
    const [batch] = await readCsvRows('\uFEFFName,KIND,tags\n"Acme, Inc",BUSINESS,a|b\n\nSolo,INDIVIDUAL,\n', { columns });
    assert.deepEqual(batch, [
      { row: 1, values: { name: 'Acme, Inc', kind: 'BUSINESS', tags: 'a|b' } },
      { row: 2, values: { name: 'Solo', kind: 'INDIVIDUAL' } },
    ]);
  });

  it('marks a row with the wrong number of fields instead of guessing its columns', async () => {
    const [batch] = await readCsvRows('name,kind\nA,BUSINESS,extra\nB,INDIVIDUAL\n', { columns });
    assert.equal(batch![0]!.problem, 'expected 2 fields as in the header, found 3');
    assert.deepEqual(batch![1], { row: 2, values: { name: 'B', kind: 'INDIVIDUAL' } });
  });

  it('fails the whole file on an unknown, repeated or missing column, an unclosed quote, too many rows or no header', async () => {
    await rejects('name,colour\nA,red', /unknown column "colour"/);
    await rejects('name,Name\nA,B', /appears twice/);
    await rejects('kind\nBUSINESS', /lacks name/);
    await rejects('name\n"A\n', /cannot be read/);
    await rejects('name\nA\nB\nC\n', /at most 2 rows/, { maxRows: 2 });
    await rejects('', /empty/);
  });

  it('yields a stream in batches as it arrives', async () => {
    const source = Readable.from(['name\n', ...Array.from({ length: 5 }, (_, index) => `row ${index + 1}\n`)]);
    const sizes: number[] = [];
    for await (const batch of csvBatches(source, { columns, batchSize: 2 })) sizes.push(batch.length);
    assert.deepEqual(sizes, [2, 2, 1]);
  });
});
