/** The additive columns of kpi_daily, as the table has them. */
async function rollupColumns(query: (sql: string, parameters: unknown[]) => Promise<any[]>): Promise<string[]> {
  const rows: { name: string }[] = await query(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_name = 'kpi_daily' AND column_name NOT IN ('tenant_id', 'quadrant', 'day') ORDER BY ordinal_position`,
    [],
  );
  return rows.map((row) => row.name);
}

/**
 * Where the tenant's rollups differ from what their facts add up to now, each fact in the
 * quadrant its customer is in: kpi_daily against kpi_facts, kpi_pairs against kpi_pair_facts,
 * zero rows equal to missing ones. Empty when the triggers kept them in step.
 */
export async function rollupMismatches(query: (sql: string, parameters: unknown[]) => Promise<any[]>, tenantId: string): Promise<string[]> {
  const columns = await rollupColumns(query);
  const daily: { quadrant: string; day: string }[] = await query(
    `WITH expected AS (
       SELECT coalesce(s.quadrant, '') AS quadrant, (f.at AT TIME ZONE 'UTC')::date AS day, ${columns.map((column) => `sum(f.${column}) AS ${column}`).join(', ')}
         FROM kpi_facts f LEFT JOIN customer_segments s ON s.tenant_id = f.tenant_id AND s.customer_id = f.customer_id
        WHERE f.tenant_id = $1 GROUP BY 1, 2
     ), actual AS (SELECT * FROM kpi_daily WHERE tenant_id = $1)
     SELECT coalesce(e.quadrant, a.quadrant) AS quadrant, coalesce(e.day, a.day)::text AS day
       FROM expected e FULL JOIN actual a ON a.quadrant = e.quadrant AND a.day = e.day
      WHERE ${columns.map((column) => `coalesce(e.${column}, 0) <> coalesce(a.${column}, 0)`).join(' OR ')}`,
    [tenantId],
  );
  const pairs: { kind: string; quadrant: string; a: string; b: string }[] = await query(
    `WITH expected AS (
       SELECT p.kind, coalesce(s.quadrant, '') AS quadrant, (p.a AT TIME ZONE 'UTC')::date AS a_day, (p.b AT TIME ZONE 'UTC')::date AS b_day, count(*) AS n
         FROM kpi_pair_facts p LEFT JOIN customer_segments s ON s.tenant_id = p.tenant_id AND s.customer_id = p.customer_id
        WHERE p.tenant_id = $1 GROUP BY 1, 2, 3, 4
     ), actual AS (SELECT * FROM kpi_pairs WHERE tenant_id = $1)
     SELECT coalesce(e.kind, a.kind) AS kind, coalesce(e.quadrant, a.quadrant) AS quadrant, coalesce(e.a_day, a.a_day)::text AS a, coalesce(e.b_day, a.b_day)::text AS b
       FROM expected e FULL JOIN actual a ON a.kind = e.kind AND a.quadrant = e.quadrant AND a.a_day = e.a_day AND a.b_day = e.b_day
      WHERE coalesce(e.n, 0) <> coalesce(a.n, 0)`,
    [tenantId],
  );
  return [
    ...daily.map((row) => `kpi_daily ${row.quadrant || '(none)'} ${row.day}`),
    ...pairs.map((row) => `kpi_pairs ${row.kind} ${row.quadrant || '(none)'} ${row.a} ${row.b}`),
  ];
}

/**
 * Where the per-customer tables the rollups count differ from a derivation from scratch of the
 * tenant's sources: acquisition and purchases from customers and subscriptions, active spells
 * from purchase spells and subscriptions merged. Empty when the consumers kept them in step.
 */
export async function kpiFactMismatches(query: (sql: string, parameters: unknown[]) => Promise<any[]>, tenantId: string): Promise<string[]> {
  const facts: { customer_id: string }[] = await query(
    `WITH expected AS (
       SELECT customer_id, least(min(first_purchase_at), min(started_at)) AS acquired_at, min(first_purchase_at) AS first_purchase_at, min(second_purchase_at) AS second_purchase_at
         FROM (SELECT customer_id, first_purchase_at, second_purchase_at, NULL::timestamptz AS started_at FROM customers WHERE tenant_id = $1 AND first_purchase_at IS NOT NULL
               UNION ALL SELECT customer_id, NULL, NULL, started_at FROM subscriptions WHERE tenant_id = $1) sources
        GROUP BY customer_id
     ), actual AS (SELECT * FROM customer_kpi_facts WHERE tenant_id = $1)
     SELECT coalesce(e.customer_id, a.customer_id) AS customer_id FROM expected e FULL JOIN actual a ON a.customer_id = e.customer_id
      WHERE (e.acquired_at, e.first_purchase_at, e.second_purchase_at) IS DISTINCT FROM (a.acquired_at, a.first_purchase_at, a.second_purchase_at)`,
    [tenantId],
  );
  const spells: { customer_id: string }[] = await query(
    `WITH spans AS (
       SELECT customer_id, starts_at AS s, ends_at AS e FROM activity_spells WHERE tenant_id = $1
       UNION ALL SELECT customer_id, started_at, coalesce(ended_at, 'infinity') FROM subscriptions WHERE tenant_id = $1 AND coalesce(ended_at, 'infinity') > started_at
     ), ordered AS (
       SELECT customer_id, s, e, max(e) OVER (PARTITION BY customer_id ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach FROM spans
     ), islands AS (
       SELECT customer_id, s, e, count(*) FILTER (WHERE reach IS NULL OR s > reach) OVER (PARTITION BY customer_id ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island FROM ordered
     ), expected AS (SELECT customer_id, min(s) AS starts_at, max(e) AS ends_at FROM islands GROUP BY customer_id, island),
     actual AS (SELECT * FROM customer_active_spells WHERE tenant_id = $1)
     SELECT DISTINCT coalesce(e.customer_id, a.customer_id) AS customer_id FROM expected e FULL JOIN actual a ON a.customer_id = e.customer_id AND a.starts_at = e.starts_at
      WHERE e.ends_at IS DISTINCT FROM a.ends_at`,
    [tenantId],
  );
  return [...facts.map((row) => `customer_kpi_facts ${row.customer_id}`), ...spells.map((row) => `customer_active_spells ${row.customer_id}`)];
}
