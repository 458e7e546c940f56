import { AsyncLocalStorage } from 'node:async_hooks';
import { defaultFieldResolver, isInputObjectType, isListType, isNonNullType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { RequestContext } from './subgraph.js';

/**
 * The audit of one mutation while it runs. Resolvers do nothing for it: the subgraph wraps
 * every Mutation field, and `withTenant` writes the row inside the transaction that changed
 * something, so the audit commits or rolls back with the change it describes.
 */
interface PendingAudit {
  readonly action: string;
  readonly context: RequestContext;
  readonly targetIds: string[];
  readonly fields: string[];
  recorded: boolean;
  /** The last data source a tenant transaction of this mutation used, for a mutation that changed nothing. */
  lastTenant?: { dataSource: DataSource; tenantId: string } | undefined;
}

const pending = new AsyncLocalStorage<PendingAudit>();

const ID_KEY = /^(id|ids|.*Id|.*Ids)$/;

/**
 * Ids and field names of a mutation's arguments: what was targeted and which fields were
 * given. Values other than ids are never kept, so no personal data reaches the audit.
 * Descends only into input object types (never into JSON scalars such as custom fields).
 */
export function auditTargets(args: Record<string, unknown>, types: Record<string, GraphQLInputType>): { targetIds: string[]; fields: string[] } {
  const targetIds = new Set<string>();
  const fields = new Set<string>();
  const unwrap = (type: GraphQLInputType): GraphQLInputType => (isNonNullType(type) || isListType(type) ? unwrap(type.ofType as GraphQLInputType) : type);
  const visit = (value: unknown, type: GraphQLInputType | undefined, name: string, path: string) => {
    if (value === undefined) return;
    const named = type ? unwrap(type) : undefined;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, type, name, path);
      return;
    }
    if (named && isInputObjectType(named) && value !== null && typeof value === 'object') {
      const inner = named.getFields();
      for (const [key, child] of Object.entries(value)) visit(child, inner[key]?.type, key, path ? `${path}.${key}` : key);
      return;
    }
    fields.add(path);
    if (ID_KEY.test(name) && typeof value === 'string') targetIds.add(value);
  };
  for (const [name, value] of Object.entries(args)) visit(value, types[name], name, name);
  return { targetIds: [...targetIds], fields: [...fields].sort() };
}

function resultId(result: unknown): string | undefined {
  if (result === null || typeof result !== 'object') return undefined;
  const id = (result as { id?: unknown }).id;
  if (typeof id === 'string') return id;
  for (const value of Object.values(result)) {
    const nested = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
    if (typeof nested === 'string') return nested;
  }
  return undefined;
}

/** The ids a mutation's work created: of the one row, or of every row of a bulk write's list. */
function resultIds(result: unknown): string[] {
  const ids = Array.isArray(result) ? result.map(resultId) : [resultId(result)];
  return ids.filter((id): id is string => id !== undefined);
}

async function insertAudit(manager: EntityManager, audit: PendingAudit, tenantId: string, result: unknown): Promise<void> {
  const created = resultIds(result).filter((id) => !audit.targetIds.includes(id));
  const targetIds = created.length > 0 ? [...new Set([...audit.targetIds, ...created])] : audit.targetIds;
  await manager.query(
    `INSERT INTO audit_log (tenant_id, actor_id, action, target_ids, fields, request_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [tenantId, audit.context.auth.memberId, audit.action, targetIds, audit.fields, audit.context.requestId],
  );
  audit.recorded = true;
}

/**
 * Called by `withTenant` at the end of its work, inside its transaction: records the running
 * mutation's audit row when this transaction changed something (it has a transaction id).
 */
export async function recordAuditIn(manager: EntityManager, dataSource: DataSource, tenantId: string, result: unknown): Promise<void> {
  const audit = pending.getStore();
  if (!audit || audit.recorded) return;
  if (audit.context.auth.tenantId !== tenantId) return;
  audit.lastTenant = { dataSource, tenantId };
  const [row] = (await manager.query('SELECT txid_current_if_assigned() IS NOT NULL AS wrote')) as { wrote: boolean }[];
  if (row?.wrote) await insertAudit(manager, audit, tenantId, result);
}

/**
 * Wraps every Mutation field so that it runs with a pending audit. A mutation that finished
 * without changing anything still gets its row, in a transaction of its own.
 */
export function auditMutations(schema: GraphQLSchema): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    const types = Object.fromEntries(field.args.map((arg) => [arg.name, arg.type]));
    field.resolve = async (source, args: Record<string, unknown>, context: RequestContext, info) => {
      const audit: PendingAudit = { action: info.fieldName, context, ...auditTargets(args, types), recorded: false };
      const result = await pending.run(audit, () => resolve(source, args, context, info));
      if (!audit.recorded && audit.lastTenant) {
        const { dataSource, tenantId } = audit.lastTenant;
        await dataSource.transaction(async (manager) => {
          await manager.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
          await insertAudit(manager, audit, tenantId, result);
        });
      }
      return result;
    };
  }
}

/**
 * The audit table of a service database. Append-only for the application: row-level
 * security scopes it to the tenant like any table, and the grants leave out UPDATE, DELETE
 * and TRUNCATE (see row-security.ts). Only ids and field names are stored, never values.
 */
export class CreateAuditLog1764400000000 implements MigrationInterface {
  name = 'CreateAuditLog1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        tenant_id uuid NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL,
        target_ids text[] NOT NULL DEFAULT '{}',
        fields text[] NOT NULL DEFAULT '{}',
        request_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX audit_log_tenant_seq_idx ON audit_log (tenant_id, seq DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE audit_log`);
  }
}
