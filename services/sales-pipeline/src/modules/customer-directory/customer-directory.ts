import type { TenantScope } from '@rapport/service-kit';

/**
 * This service's own directory of customers (tenant, id, external id, email), learnt from
 * contacts' customer events and from imports that mint ids. Imports resolve a row's customer
 * through it; services never read each other's databases.
 */
export interface DirectoryMatch {
  externalId: string | null;
  email: string | null;
  /** The customer to file orders under: the survivor when the id was merged. */
  customerId: string;
}

/**
 * The live customers with any of these external ids or emails. A customer contacts told us about
 * wins over one an import minted, then the oldest; erased customers are forgotten.
 */
export async function findInDirectory(scope: TenantScope, externalIds: readonly string[], emails: readonly string[]): Promise<DirectoryMatch[]> {
  if (externalIds.length === 0 && emails.length === 0) return [];
  const rows: { external_id: string | null; email: string | null; customer_id: string }[] = await scope.manager.query(
    `SELECT d.external_id, d.email, coalesce(d.survivor_id, d.customer_id) AS customer_id
       FROM customer_directory d
       LEFT JOIN customer_directory survivor ON survivor.tenant_id = d.tenant_id AND survivor.customer_id = d.survivor_id
      WHERE d.tenant_id = $1 AND d.erased_at IS NULL AND survivor.erased_at IS NULL
        AND (d.external_id = ANY($2::text[]) OR d.email = ANY($3::text[]))
      ORDER BY d.origin = 'contacts' DESC, d.updated_at, d.customer_id`,
    [scope.tenantId, [...externalIds], [...emails]],
  );
  return rows.map((row) => ({ externalId: row.external_id, email: row.email, customerId: row.customer_id }));
}

export interface DirectoryEntry {
  customerId: string;
  externalId: string | null;
  email: string | null;
}

/** Records customers minted by an import, in the import's transaction, so the next batch finds them. */
export async function recordMinted(scope: TenantScope, entries: readonly DirectoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await scope.manager.query(
    `INSERT INTO customer_directory (tenant_id, customer_id, external_id, email, origin, updated_at)
     SELECT $1, r.customer_id, r.external_id, r.email, 'import', clock_timestamp()
       FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, external_id text, email text)
     ON CONFLICT (tenant_id, customer_id) DO NOTHING`,
    [scope.tenantId, JSON.stringify(entries.map((entry) => ({ customer_id: entry.customerId, external_id: entry.externalId, email: entry.email })))],
  );
}

/** Customers contacts created (or an import's minted customer, now confirmed): as contacts has them. */
export async function learnCreated(scope: TenantScope, entries: readonly DirectoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await scope.manager.query(
    `INSERT INTO customer_directory (tenant_id, customer_id, external_id, email, origin, updated_at)
     SELECT $1, r.customer_id, r.external_id, r.email, 'contacts', clock_timestamp()
       FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, external_id text, email text)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET external_id = excluded.external_id, email = excluded.email, origin = 'contacts', updated_at = clock_timestamp()`,
    [scope.tenantId, JSON.stringify(lastPerCustomer(entries).map((entry) => ({ customer_id: entry.customerId, external_id: entry.externalId, email: entry.email })))],
  );
}

/** A customer's email changed in contacts (its external id never does). */
export async function learnEmails(scope: TenantScope, entries: readonly { customerId: string; email: string | null }[]): Promise<void> {
  if (entries.length === 0) return;
  await scope.manager.query(
    `INSERT INTO customer_directory (tenant_id, customer_id, email, origin, updated_at)
     SELECT $1, r.customer_id, r.email, 'contacts', clock_timestamp()
       FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, email text)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE SET email = excluded.email, origin = 'contacts', updated_at = clock_timestamp()`,
    [scope.tenantId, JSON.stringify(lastPerCustomer(entries).map((entry) => ({ customer_id: entry.customerId, email: entry.email })))],
  );
}

/** Merged ids (and ids already merged into them) now resolve to the survivor. */
export async function learnMerge(scope: TenantScope, survivorId: string, mergedIds: readonly string[]): Promise<void> {
  await scope.manager.query(
    `UPDATE customer_directory SET survivor_id = $2, updated_at = clock_timestamp()
      WHERE tenant_id = $1 AND (customer_id = ANY($3::uuid[]) OR survivor_id = ANY($3::uuid[]))`,
    [scope.tenantId, survivorId, [...mergedIds]],
  );
  // A merged id the directory never saw still resolves, should anything name it later.
  await scope.manager.query(
    `INSERT INTO customer_directory (tenant_id, customer_id, origin, survivor_id, updated_at)
     SELECT $1, merged, 'contacts', $2, clock_timestamp() FROM unnest($3::uuid[]) AS merged
     ON CONFLICT (tenant_id, customer_id) DO NOTHING`,
    [scope.tenantId, survivorId, [...mergedIds]],
  );
}

/** Erasure: the directory forgets how to find the customer (external ids may be personal too). */
export async function learnErasure(scope: TenantScope, customerIds: readonly string[], erasedAt: Date): Promise<void> {
  await scope.manager.query(
    `INSERT INTO customer_directory (tenant_id, customer_id, origin, erased_at, updated_at)
     SELECT $1, erased, 'contacts', $3, clock_timestamp() FROM unnest($2::uuid[]) AS erased
     ON CONFLICT (tenant_id, customer_id) DO UPDATE SET external_id = NULL, email = NULL, erased_at = $3, updated_at = clock_timestamp()`,
    [scope.tenantId, [...customerIds], erasedAt],
  );
  // Ids merged into an erased customer named the same person.
  await scope.manager.query(
    `UPDATE customer_directory SET external_id = NULL, email = NULL, updated_at = clock_timestamp()
      WHERE tenant_id = $1 AND survivor_id = ANY($2::uuid[])`,
    [scope.tenantId, [...customerIds]],
  );
}

/** A statement may not upsert one row twice: the last event per customer wins. */
function lastPerCustomer<Entry extends { customerId: string }>(entries: readonly Entry[]): Entry[] {
  return [...new Map(entries.map((entry) => [entry.customerId, entry] as const)).values()];
}
