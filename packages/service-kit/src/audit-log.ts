import { parse, type DocumentNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { requireRole } from './authorization.js';
import { badInput } from './errors.js';
import { decodeCursor, encodeCursor, pageSize } from './pagination.js';
import type { RequestContext } from './subgraph.js';
import { withTenant } from './tenant-scope.js';

/**
 * Each service keeps the audit of its own mutations in its own database (the row commits with
 * the change). The graph still has one `auditLog` query: the service that owns the query
 * (contacts) returns an `AuditLog` entity keyed by the filter, and every subgraph contributes
 * its own entries as a field of that entity, named after the service. Admins only.
 */
export const AUDIT_LOG_ROOT_SERVICE = 'contacts';

/** `sales-pipeline` → `salesPipeline`: the AuditLog field of a service. */
export const auditLogField = (service: string) => service.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The SDL every subgraph adds for the audit log (the gateway adds the same to compose statically). */
export function auditLogTypeDefs(service: string): DocumentNode {
  const root =
    service === AUDIT_LOG_ROOT_SERVICE
      ? `
    "Filters the audit log; every condition given must hold."
    input AuditLogFilter {
      action: String
      actorId: ID
      targetId: ID
      since: DateTime
    }
    extend type Query {
      "Who changed what, per service, newest first. Admins only; ids and field names, never values."
      auditLog(filter: AuditLogFilter): AuditLog!
    }`
      : '';
  return parse(`
    "The audit log of the workspace under one filter; each service answers with its own entries."
    type AuditLog @key(fields: "id") {
      id: ID!
      "The entries of the ${service} service, newest first."
      ${auditLogField(service)}(first: Int, after: String): AuditEntryConnection!
    }
    "One mutation: who ran it, on which ids, with which fields."
    type AuditEntry @shareable {
      id: ID!
      at: DateTime!
      service: String!
      actorId: ID!
      action: String!
      targetIds: [ID!]!
      fields: [String!]!
      requestId: String!
    }
    type AuditEntryConnection @shareable {
      entries: [AuditEntry!]!
      hasNextPage: Boolean!
      endCursor: String
    }
    ${root}
  `);
}

export function withAuditLog(typeDefs: DocumentNode, service: string): DocumentNode {
  return { ...typeDefs, definitions: [...typeDefs.definitions, ...auditLogTypeDefs(service).definitions] };
}

interface AuditFilter {
  action?: string | null;
  actorId?: string | null;
  targetId?: string | null;
  since?: string | Date | null;
}

const encodeFilter = (filter: AuditFilter) => Buffer.from(JSON.stringify(filter)).toString('base64url');
function decodeFilter(id: string): AuditFilter {
  try {
    return JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as AuditFilter;
  } catch {
    throw badInput('id', 'not an audit log id');
  }
}

interface AuditRow {
  seq: string;
  at: Date;
  actor_id: string;
  action: string;
  target_ids: string[];
  fields: string[];
  request_id: string;
}

export function auditLogResolvers(service: string, dataSource: DataSource): Record<string, unknown> {
  const entries = async ({ id }: { id: string }, args: { first?: number | null; after?: string | null }, context: RequestContext) => {
    requireRole(context.auth, []);
    const filter = decodeFilter(id);
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after);
    const since = filter.since ? new Date(filter.since) : null;
    if (since && Number.isNaN(since.getTime())) throw badInput('since', 'since must be a date-time');
    const rows = (await withTenant(dataSource, context.auth.tenantId, (scope) =>
      scope.manager.query(
        `SELECT seq, at, actor_id, action, target_ids, fields, request_id FROM audit_log
          WHERE tenant_id = $1
            AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR actor_id = $3)
            AND ($4::text IS NULL OR $4 = ANY(target_ids)) AND ($5::timestamptz IS NULL OR at >= $5)
            AND ($6::bigint IS NULL OR seq < $6)
          ORDER BY seq DESC LIMIT $7`,
        [scope.tenantId, filter.action ?? null, filter.actorId ?? null, filter.targetId ?? null, since, after?.id ?? null, limit + 1],
      ),
    )) as AuditRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      entries: page.map((row) => ({
        id: `${service}:${row.seq}`,
        at: row.at,
        service,
        actorId: row.actor_id,
        action: row.action,
        targetIds: row.target_ids,
        fields: row.fields,
        requestId: row.request_id,
      })),
      hasNextPage: rows.length > limit,
      endCursor: last ? encodeCursor({ sortValue: last.at.toISOString(), id: String(last.seq) }) : null,
    };
  };
  return {
    ...(service === AUDIT_LOG_ROOT_SERVICE
      ? {
          Query: {
            auditLog: (_parent: unknown, args: { filter?: AuditFilter | null }, context: RequestContext) => {
              requireRole(context.auth, []);
              return { id: encodeFilter(args.filter ?? {}) };
            },
          },
        }
      : {}),
    AuditLog: {
      __resolveReference: (reference: { id: string }, context: RequestContext) => {
        requireRole(context.auth, []);
        return { id: reference.id };
      },
      [auditLogField(service)]: entries,
    },
  };
}
