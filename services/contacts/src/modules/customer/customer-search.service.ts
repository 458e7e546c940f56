import { badInput, pageSize, requireRole, withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { READERS } from '../../roles.js';
import { CustomerEntity } from './customer.entity.js';
import { toCustomerModel, type CustomerModel } from './customer.model.js';

/**
 * Lower than pg_trgm's default of 0.6, so that one typo in a short word still matches
 * ("acmee" finds "Acme"); set per transaction, never on the pooled connection.
 */
const WORD_SIMILARITY_THRESHOLD = '0.5';

export class CustomerSearchService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Ranked: a typo-tolerant match of the text within name, email or domain (trigram word
   * similarity), boosted when whole words match (full text) and when the name is close as a
   * whole; a customer also matches through a contact's name. Ranking looks at the nearest
   * candidates only (five times the page, at least 50), so the cost stays flat as matches grow.
   */
  async search(auth: AuthContext, text: string, first: number | null | undefined): Promise<CustomerModel[]> {
    requireRole(auth, READERS);
    const query = text.trim().toLowerCase();
    if (query === '') throw badInput('text', 'text must not be empty');
    if (query.length > 200) throw badInput('text', 'text must be at most 200 characters');
    const limit = pageSize(first);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      await scope.manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [WORD_SIMILARITY_THRESHOLD]);
      // The nearest candidates by trigram distance come from the GiST indexes (KNN, per tenant),
      // then only those are ranked; a customer also comes in through a contact's name.
      // The similarity threshold (<%) is applied after the nearest-first LIMIT, not beside it:
      // pg_trgm's operators are not LEAKPROOF, so under row-level security Postgres may not use
      // them as index conditions and a scan that finds few matches walked the tenant's whole
      // index (seconds at 100k customers). Distance is 1 - word similarity, so the nearest rows
      // that pass the threshold are exactly the rows the threshold-first query returned.
      const ranked: { id: string }[] = await scope.manager.query(
        `WITH candidates AS (
           SELECT nearest.id FROM (
             SELECT c.id, c.search_text FROM customers c
              WHERE c.tenant_id = $1
              ORDER BY c.search_text <->> $2 LIMIT $4) nearest
            WHERE $2 <% nearest.search_text
           UNION
           SELECT nearest.customer_id FROM (
             SELECT ct.customer_id, ct.search_name FROM contacts ct
              WHERE ct.tenant_id = $1
              ORDER BY ct.search_name <->> $2 LIMIT $4) nearest
            WHERE $2 <% nearest.search_name
         )
         SELECT c.id
           FROM candidates
           JOIN customers c ON c.tenant_id = $1 AND c.id = candidates.id
           LEFT JOIN LATERAL (
             SELECT max(word_similarity($2, ct.search_name)) AS similarity
               FROM contacts ct WHERE ct.tenant_id = $1 AND ct.customer_id = c.id
           ) contact ON true
          ORDER BY greatest(
                     word_similarity($2, c.search_text)
                     + CASE WHEN c.search_document @@ plainto_tsquery('simple', $2) THEN 0.5 ELSE 0 END
                     + 0.5 * similarity($2, lower(c.name)),
                     0.9 * coalesce(contact.similarity, 0)) DESC,
                   c.id
          LIMIT $3`,
        [scope.tenantId, query, limit, Math.max(limit * 5, 50)],
      );
      const ids = ranked.map((row) => row.id);
      const rows = await scope.repository(CustomerEntity).findByIds(ids);
      const byId = new Map(rows.map((row) => [row.id, row] as const));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toCustomerModel(row)] : [];
      });
    });
  }
}
