import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CustomerCreatedV1, CustomerUpdatedV1 } from '@rapport/events';
import { recordEvents } from '@rapport/messaging';
import {
  addToReport,
  csvBatches,
  DomainError,
  emptyReport,
  readCsvRows,
  requireRole,
  withTenant,
  type AuthContext,
  type CsvRow,
  type ImportRejection,
  type ImportReport,
  type TenantScope,
} from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { CustomerKind } from '../../generated/graphql.js';
import { WRITERS } from '../../roles.js';
import { CustomerEntity, type CustomerRow } from '../customer/customer.entity.js';
import { toCustomerCreatedPayload, toCustomerUpdatedPayload, type UpdatableCustomerField } from '../customer/customer.events.js';
import { CONTACTS_PRODUCER } from '../customer/customer.service.js';
import { normaliseCountry, normaliseDomain, normaliseEmail, normaliseTags, optionalText, requireText } from '../customer/customer.validation.js';

export const CUSTOMER_IMPORT_COLUMNS = ['name', 'kind', 'email', 'domain', 'industry', 'country', 'externalId', 'tags'] as const;
export type CustomerImportColumn = (typeof CUSTOMER_IMPORT_COLUMNS)[number];
const REQUIRED: readonly CustomerImportColumn[] = ['name', 'kind'];

/** A row as createCustomer would take it, validated and normalised by the same rules. */
export interface CustomerDraft {
  row: number;
  name: string;
  kind: CustomerKind;
  email: string | null;
  domain: string | null;
  industry: string | null;
  country: string | null;
  externalId: string | null;
  /** Null when the cell is empty: a re-import then keeps the customer's tags. */
  tags: string[] | null;
}

/** Validates one row with createCustomer's rules; the first broken rule names the field. */
export function parseCustomerRow(row: CsvRow<CustomerImportColumn>): CustomerDraft | ImportRejection {
  if (row.problem) return { row: row.row, field: null, reason: row.problem };
  const values = row.values;
  try {
    const kind = (values.kind ?? '').toUpperCase();
    if (kind !== 'BUSINESS' && kind !== 'INDIVIDUAL') throw new DomainError('BAD_USER_INPUT', 'kind must be BUSINESS or INDIVIDUAL', 'kind');
    return {
      row: row.row,
      name: requireText(values.name ?? '', 'name'),
      kind,
      email: normaliseEmail(values.email),
      domain: normaliseDomain(values.domain),
      industry: optionalText(values.industry, 'industry'),
      country: normaliseCountry(values.country),
      externalId: optionalText(values.externalId, 'externalId'),
      tags: values.tags === undefined ? null : normaliseTags(values.tags.split('|')),
    };
  } catch (error) {
    if (error instanceof DomainError) return { row: row.row, field: error.field ?? null, reason: error.message };
    throw error;
  }
}

const isRejection = (value: CustomerDraft | ImportRejection): value is ImportRejection => 'reason' in value;

/**
 * Loads customers from CSV. Every row passes createCustomer's validation; a row matching an
 * existing customer (by external id, then by email) updates it instead of duplicating, and
 * publishes CustomerUpdated with the changed fields; a new one publishes CustomerCreated. Each
 * batch is one transaction of bulk statements, the events written in it through the outbox.
 */
export class CustomerImportService {
  constructor(private readonly dataSource: DataSource) {}

  /** The GraphQL mutation: at most 5,000 rows, read whole before anything is written. */
  async importCsv(auth: AuthContext, csv: string): Promise<ImportReport> {
    requireRole(auth, WRITERS);
    const batches = await readCsvRows(csv, { columns: CUSTOMER_IMPORT_COLUMNS, required: REQUIRED });
    const report = emptyReport();
    await this.importBatches(auth, batches, report);
    return report;
  }

  /** The streamed route: any size, written batch by batch into `report`. */
  async importStream(auth: AuthContext, body: Readable, report: ImportReport): Promise<void> {
    requireRole(auth, WRITERS);
    await this.importBatches(auth, csvBatches(body, { columns: CUSTOMER_IMPORT_COLUMNS, required: REQUIRED }), report);
  }

  private async importBatches(
    auth: AuthContext,
    batches: Iterable<CsvRow<CustomerImportColumn>[]> | AsyncIterable<CsvRow<CustomerImportColumn>[]>,
    report: ImportReport,
  ): Promise<void> {
    // A file that names one customer twice would make the second row overwrite the first.
    const seen = new Map<string, number>();
    for await (const batch of batches) {
      const drafts: CustomerDraft[] = [];
      const rejected: ImportRejection[] = [];
      for (const row of batch) {
        const parsed = parseCustomerRow(row);
        if (isRejection(parsed)) {
          rejected.push(parsed);
          continue;
        }
        const key = parsed.externalId !== null ? `external:${parsed.externalId}` : parsed.email !== null ? `email:${parsed.email}` : null;
        const earlier = key === null ? undefined : seen.get(key);
        if (earlier !== undefined) {
          const field = parsed.externalId !== null ? 'externalId' : 'email';
          rejected.push({ row: parsed.row, field, reason: `row ${earlier} already names this customer (${field} ${key!.slice(key!.indexOf(':') + 1)})` });
          continue;
        }
        if (key !== null) seen.set(key, parsed.row);
        drafts.push(parsed);
      }
      const written = await this.write(auth, drafts, rejected);
      rejected.sort((a, b) => a.row - b.row);
      addToReport(report, { received: batch.length, imported: written.imported, updated: written.updated, rejected });
    }
  }

  private async write(auth: AuthContext, drafts: CustomerDraft[], rejected: ImportRejection[]): Promise<{ imported: number; updated: number }> {
    if (drafts.length === 0) return { imported: 0, updated: 0 };
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      // One import batch of a tenant at a time: two imports cannot both create one external id.
      await scope.manager.query(`SELECT pg_advisory_xact_lock(hashtext('rapport.customer-import'), hashtext($1))`, [scope.tenantId]);
      const existing = await matchExisting(scope, drafts);
      const now = new Date();
      const created: CustomerRow[] = [];
      const updated: { row: CustomerRow; changed: UpdatableCustomerField[]; externalIdSet: boolean }[] = [];
      let unchanged = 0;
      const customers = scope.repository(CustomerEntity);
      for (const draft of drafts) {
        const match = existing(draft);
        if (match === 'taken') {
          rejected.push({ row: draft.row, field: draft.externalId === null ? 'email' : 'externalId', reason: 'another row of this file already updates the customer it matches' });
          continue;
        }
        if (!match) {
          created.push(
            customers.create({
              id: randomUUID(),
              name: draft.name,
              externalId: draft.externalId,
              kind: draft.kind,
              email: draft.email,
              domain: draft.domain,
              industry: draft.industry,
              country: draft.country,
              lifecycleStage: 'ACQUISITION',
              ownerId: null,
              tags: draft.tags ?? [],
              source: null,
              referredById: null,
              customFields: {},
              createdAt: now,
              updatedAt: now,
              erasedAt: null,
            }),
          );
          continue;
        }
        const changed = applyDraft(match, draft);
        const externalIdSet = match.externalId === null && draft.externalId !== null;
        if (externalIdSet) match.externalId = draft.externalId;
        if (changed.length === 0 && !externalIdSet) {
          unchanged += 1;
          continue;
        }
        match.updatedAt = now;
        updated.push({ row: match, changed, externalIdSet });
      }
      if (created.length > 0) {
        await scope.manager.query(
          `INSERT INTO customers (id, tenant_id, name, external_id, kind, email, domain, industry, country, lifecycle_stage, tags, custom_fields, created_at, updated_at)
           SELECT r.id, $1, r.name, r.external_id, r.kind, r.email, r.domain, r.industry, r.country, 'ACQUISITION',
                  ARRAY(SELECT jsonb_array_elements_text(r.tags)), '{}', $3, $3
             FROM jsonb_to_recordset($2::jsonb)
               AS r(id uuid, name text, external_id text, kind text, email text, domain text, industry text, country text, tags jsonb)`,
          [scope.tenantId, JSON.stringify(created.map(record)), now],
        );
        await recordEvents(
          scope.manager,
          CONTACTS_PRODUCER,
          CustomerCreatedV1,
          created.map((row) => ({ tenantId: scope.tenantId, customerId: row.id, payload: toCustomerCreatedPayload(row), occurredAt: now })),
        );
      }
      if (updated.length > 0) {
        await scope.manager.query(
          `UPDATE customers c
              SET name = r.name, external_id = r.external_id, email = r.email, domain = r.domain, industry = r.industry,
                  country = r.country, tags = ARRAY(SELECT jsonb_array_elements_text(r.tags)), updated_at = $3
             FROM jsonb_to_recordset($2::jsonb)
               AS r(id uuid, name text, external_id text, kind text, email text, domain text, industry text, country text, tags jsonb)
            WHERE c.tenant_id = $1 AND c.id = r.id`,
          [scope.tenantId, JSON.stringify(updated.map(({ row }) => record(row))), now],
        );
        const withChanges = updated.filter(({ changed }) => changed.length > 0);
        await recordEvents(
          scope.manager,
          CONTACTS_PRODUCER,
          CustomerUpdatedV1,
          withChanges.map(({ row, changed }) => ({
            tenantId: scope.tenantId,
            customerId: row.id,
            payload: toCustomerUpdatedPayload(row, changed),
            occurredAt: now,
          })),
        );
      }
      return { imported: created.length, updated: updated.length + unchanged };
    });
  }
}

function record(row: CustomerRow) {
  return {
    id: row.id,
    name: row.name,
    external_id: row.externalId,
    kind: row.kind,
    email: row.email,
    domain: row.domain,
    industry: row.industry,
    country: row.country,
    tags: row.tags,
  };
}

/**
 * The customers the drafts name, locked for the batch: by external id first, then by email
 * (the oldest live customer with it). Erased customers are never matched by email.
 */
async function matchExisting(scope: TenantScope, drafts: CustomerDraft[]): Promise<(draft: CustomerDraft) => CustomerRow | 'taken' | undefined> {
  const externalIds = [...new Set(drafts.flatMap((draft) => (draft.externalId === null ? [] : [draft.externalId])))];
  const emails = [...new Set(drafts.flatMap((draft) => (draft.email === null ? [] : [draft.email])))];
  if (externalIds.length === 0 && emails.length === 0) return () => undefined;
  const rows = await scope
    .repository(CustomerEntity)
    .queryBuilder('customer')
    .andWhere('(customer.externalId = ANY(:externalIds) OR (customer.email = ANY(:emails) AND customer.erasedAt IS NULL))', { externalIds, emails })
    .orderBy('customer.createdAt', 'ASC')
    .addOrderBy('customer.id', 'ASC')
    .setLock('pessimistic_write')
    .getMany();
  const byExternalId = new Map<string, CustomerRow>();
  const byEmail = new Map<string, CustomerRow>();
  for (const row of rows) {
    if (row.externalId !== null) byExternalId.set(row.externalId, row);
    if (row.email !== null && row.erasedAt === null && !byEmail.has(row.email)) byEmail.set(row.email, row);
  }
  const taken = new Set<string>();
  return (draft) => {
    let match = draft.externalId === null ? undefined : byExternalId.get(draft.externalId);
    // A customer found by email that already carries another external id is someone else.
    if (!match && draft.email !== null) {
      const candidate = byEmail.get(draft.email);
      if (candidate && (draft.externalId === null || candidate.externalId === null)) match = candidate;
    }
    // Two rows of one batch cannot both update one customer (an external id and an email naming it).
    if (match && taken.has(match.id)) return 'taken';
    if (match) taken.add(match.id);
    return match;
  };
}

/** Writes the draft's values onto the row; returns the fields that changed. Empty cells keep the old value. */
function applyDraft(row: CustomerRow, draft: CustomerDraft): UpdatableCustomerField[] {
  const changed: UpdatableCustomerField[] = [];
  const set = <Field extends 'name' | 'email' | 'domain' | 'industry' | 'country'>(field: Field, value: CustomerRow[Field] | null) => {
    if (value === null || value === row[field]) return;
    row[field] = value;
    changed.push(field);
  };
  set('name', draft.name);
  set('email', draft.email);
  set('domain', draft.domain);
  set('industry', draft.industry);
  set('country', draft.country);
  if (draft.tags !== null && JSON.stringify(draft.tags) !== JSON.stringify(row.tags)) {
    row.tags = draft.tags;
    changed.push('tags');
  }
  return changed;
}
