import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';

/** A manifest of allowed operations: `{ "operations": [{ "id": "<sha256 of body>", "body": "query ..." }] }`. */
export interface OperationManifest {
  operations: { id: string; body: string }[];
}

export const operationHash = (body: string) => createHash('sha256').update(body).digest('hex');

export function loadManifest(path: string): OperationManifest {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as OperationManifest;
  for (const operation of manifest.operations) {
    if (operationHash(operation.body) !== operation.id) throw new Error(`manifest entry ${operation.id} does not match its body`);
  }
  return manifest;
}

const refuse = (message: string) => ({ errors: [{ message, extensions: { code: 'OPERATION_NOT_ALLOWED' } }] });

/**
 * When a manifest is configured, only its operations run: a client sends the operation's
 * hash (`extensions.persistedQuery.sha256Hash`) or its exact text. Anything else is refused
 * before GraphQL parses it, so arbitrary queries never reach planning or the subgraphs.
 */
export function safelistMiddleware(manifest: OperationManifest): RequestHandler {
  const byId = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
  return (req, res, next) => {
    const body = req.body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined;
    const hash = body?.extensions?.persistedQuery?.sha256Hash;
    if (typeof hash === 'string' && byId.has(hash)) {
      body!.query = byId.get(hash);
      // The operation is resolved here; Apollo's own persisted-query cache must not see it.
      delete body!.extensions!.persistedQuery;
      next();
      return;
    }
    if (typeof body?.query === 'string' && byId.has(operationHash(body.query))) {
      next();
      return;
    }
    res.status(400).json(refuse('this operation is not in the allowed list'));
  };
}
