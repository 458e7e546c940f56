import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { badInput, DomainError } from './errors.js';
import type { RequestContext, Subgraph } from './subgraph.js';

/** What an import answers, row by row: the GraphQL `ImportReport`. */
export interface ImportReport {
  /** Data rows read (the header is not a row). */
  received: number;
  /** Rows written as new records. */
  imported: number;
  /** Rows matched to a record of an earlier import (or an existing one) and written over it. */
  updated: number;
  rejected: ImportRejection[];
}

export interface ImportRejection {
  /** 1-based data row, header not counted. */
  row: number;
  field: string | null;
  reason: string;
}

/** A GraphQL import mutation takes this many rows at most; larger files go to the streamed routes. */
export const MUTATION_IMPORT_MAX_ROWS = 5_000;
/** The largest body the streamed import routes accept. */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;
/** Rows per transaction: big enough for bulk statements, small enough to keep locks short. */
export const IMPORT_BATCH_SIZE = 2_500;
/** A report lists this many rejections at most; the counts stay exact. */
export const IMPORT_MAX_REPORTED_REJECTIONS = 10_000;

export const emptyReport = (): ImportReport => ({ received: 0, imported: 0, updated: 0, rejected: [] });

/** Adds one batch's report to the running total (rejections capped, counts exact). */
export function addToReport(total: ImportReport, batch: ImportReport): void {
  total.received += batch.received;
  total.imported += batch.imported;
  total.updated += batch.updated;
  const room = IMPORT_MAX_REPORTED_REJECTIONS - total.rejected.length;
  if (room > 0) total.rejected.push(...batch.rejected.slice(0, room));
}

/** One data row: its 1-based number and its non-empty cells by column name. */
export interface CsvRow<Column extends string> {
  row: number;
  values: Partial<Record<Column, string>>;
  /** Set when the row itself is unreadable (wrong number of fields); it is rejected as a whole. */
  problem?: string;
}

export interface CsvOptions<Column extends string> {
  /** Columns a file may have, in their canonical spelling (matched case-insensitively). */
  columns: readonly Column[];
  /** Columns the header must name. */
  required?: readonly Column[];
  batchSize?: number;
  /** More data rows than this fail the whole file before anything is written. */
  maxRows?: number;
}

/**
 * Reads CSV (text or a byte stream) with csv-parse and yields rows in batches, never holding
 * the whole file. The header is checked first: an unknown, repeated or missing column fails
 * the whole file (BAD_USER_INPUT on `csv`), as does a syntax error such as an unclosed quote.
 */
export async function* csvBatches<Column extends string>(
  source: string | Readable,
  options: CsvOptions<Column>,
): AsyncGenerator<CsvRow<Column>[]> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const parser = parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, max_record_size: 1_000_000 });
  const input = typeof source === 'string' ? Readable.from([source]) : source;
  // Errors of either side reach the loop below through the parser.
  const piping = pipeline(input, parser).catch((error: unknown) => parser.destroy(error instanceof Error ? error : new Error(String(error))));
  let header: (Column | undefined)[] | undefined;
  let batch: CsvRow<Column>[] = [];
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = readHeader(record, options);
        continue;
      }
      row += 1;
      if (options.maxRows !== undefined && row > options.maxRows) {
        throw badInput('csv', `at most ${options.maxRows} rows per call; send larger files to the streamed import route`);
      }
      if (record.length !== header.length) {
        batch.push({ row, values: {}, problem: `expected ${header.length} fields as in the header, found ${record.length}` });
      } else {
        const values: Partial<Record<Column, string>> = {};
        record.forEach((cell, index) => {
          const column = header![index];
          if (column !== undefined && cell !== '') values[column] = cell;
        });
        batch.push({ row, values });
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw badInput('csv', `the CSV cannot be read (line ${String((error as { lines?: number }).lines ?? '?')}): ${error.message}`);
    throw error;
  } finally {
    if (!parser.destroyed) parser.destroy();
    await piping;
  }
  if (!header) throw badInput('csv', `the CSV is empty; it needs a header row: ${options.columns.join(',')}`);
  if (batch.length > 0) yield batch;
}

function readHeader<Column extends string>(record: string[], options: CsvOptions<Column>): (Column | undefined)[] {
  const canonical = new Map(options.columns.map((column) => [column.toLowerCase(), column] as const));
  const seen = new Set<Column>();
  const header = record.map((name) => {
    const column = canonical.get(name.trim().toLowerCase());
    if (!column) throw badInput('csv', `unknown column "${name}"; the header may name: ${options.columns.join(',')}`);
    if (seen.has(column)) throw badInput('csv', `column "${column}" appears twice in the header`);
    seen.add(column);
    return column;
  });
  const missing = (options.required ?? []).filter((column) => !seen.has(column));
  if (missing.length > 0) throw badInput('csv', `the header lacks ${missing.join(', ')}`);
  return header;
}

/** Reads a mutation's CSV text whole (it is bounded by `maxRows`), so a bad file fails before any write. */
export async function readCsvRows<Column extends string>(csv: string, options: CsvOptions<Column>): Promise<CsvRow<Column>[][]> {
  const batches: CsvRow<Column>[][] = [];
  for await (const batch of csvBatches(csv, { maxRows: MUTATION_IMPORT_MAX_ROWS, ...options })) batches.push(batch);
  return batches;
}

class BodyTooLargeError extends Error {}

/** Passes bytes through and fails the stream once more than `maxBytes` went by. */
export function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new BodyTooLargeError(`the body is over ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
}

export function isBodyTooLarge(error: unknown): boolean {
  return error instanceof BodyTooLargeError;
}

/** The JSON error body of the import routes: the GraphQL error shape, with a fixed code. */
export function importError(response: Response, status: number, code: string, message: string, field?: string, report?: ImportReport): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response
    .status(status)
    .json({ errors: [{ message, extensions: { code, ...(field ? { field } : {}), reason: message } }], ...(report && report.received > 0 ? { report } : {}) });
}

/** True when the request says its body is CSV (`text/csv`, any charset). */
export function isCsvRequest(request: Request): boolean {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'text/csv';
}

const STATUS_OF: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401, CONFLICT: 409 };

/**
 * Mounts a streamed CSV import route on a service: the caller is authenticated exactly as a
 * GraphQL request is (the subgraph's own context), the body is parsed as it arrives and
 * handed to `run`, which writes it batch by batch. Answers the ImportReport as JSON, or an
 * error as JSON: 401, 403, 413 (over `maxBytes`), 415 (not text/csv), 400 (bad file).
 */
export function mountImportRoute<Context extends RequestContext>(
  app: Express,
  path: string,
  subgraph: Subgraph<Context>,
  /** Fills `report` batch by batch, so that a failure late in a file still tells what was written. */
  run: (context: Context, body: Readable, report: ImportReport, request: Request) => Promise<void>,
  options: { maxBytes?: number } = {},
): void {
  const maxBytes = options.maxBytes ?? IMPORT_MAX_BYTES;
  app.post(path, async (request, response) => {
    let context: Context;
    try {
      context = await subgraph.contextFor(request.headers);
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
      if (code === 'UNAUTHENTICATED') return importError(response, 401, 'UNAUTHENTICATED', error instanceof Error ? error.message : 'unauthenticated');
      throw error;
    }
    if (!isCsvRequest(request)) return importError(response, 415, 'BAD_REQUEST', 'send the file as Content-Type: text/csv');
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) return importError(response, 413, 'PAYLOAD_TOO_LARGE', `the file is over the ${maxBytes}-byte limit`);
    const body = request.pipe(byteLimit(maxBytes));
    request.on('error', (error) => body.destroy(error));
    const report = emptyReport();
    try {
      await run(context, body, report, request);
      response.json(report);
    } catch (error) {
      // Batches before the failure are committed (each row whole or not at all): say which.
      if (isBodyTooLarge(error)) return importError(response, 413, 'PAYLOAD_TOO_LARGE', `the file is over the ${maxBytes}-byte limit`, undefined, report);
      if (error instanceof DomainError) {
        return importError(response, STATUS_OF[error.code] ?? 400, error.code, error.message, error.field, report);
      }
      context.logger.error({ err: error }, 'import failed');
      return importError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  });
}
