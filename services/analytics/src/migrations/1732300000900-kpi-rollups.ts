import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups for `kpis`, so that a period is answered by reading one row per day and value quadrant
 * instead of every customer, order, answer and deal (METRICS.md, "KPI rollups").
 *
 * - customer_kpi_facts: per customer, when it was acquired (first purchase or first subscription)
 *   and its first and second purchases; customer_active_spells: when it counts as active, its
 *   purchase spells and subscriptions merged. The consumers keep both (refreshKpiFacts).
 * - kpi_facts (view): every dated fact a KPI counts, one row per fact (its instant and UTC day),
 *   from those two tables and from orders (payments), survey_answers, deals and leads.
 * - kpi_daily: kpi_facts summed per tenant, value quadrant of the customer ('' for none, and for
 *   facts with no customer) and UTC day. kpi_pair_facts / kpi_pairs: facts with two dates
 *   (first and second purchase, lead creation and conversion), counted per pair of days.
 *
 * kpi_daily and kpi_pairs are kept equal to their views grouped, whatever writes the sources:
 * statement triggers add what a statement's new rows count and take back what its old rows
 * counted, in the quadrant the customer is in; a change of quadrant in customer_segments moves
 * the customer's facts from the old quadrant to the new one. Both lock the customer's row
 * (customers) first, in key order: a fact written while its customer is re-segmented lands in
 * the quadrant the customer ends up in. Replaying the topics rebuilds the sources, and so the
 * rollups, identically.
 */

/** The additive columns of kpi_daily: counts, and sums of money or days. */
const COUNTS = [
  'acquired',
  'first_purchases',
  'second_purchases',
  'active_starts',
  'active_ends',
  'nps_answers',
  'nps_promoters',
  'nps_detractors',
  'csat_answers',
  'csat_satisfied',
  'ces_answers',
  'ces_score_sum',
  'deals_created',
  'deals_closed',
  'deals_won',
  'deals_lost',
  'leads_created',
] as const;
const SUMS = ['days_to_second', 'revenue_paid', 'deals_won_amount', 'deals_won_cycle_days'] as const;
type Column = (typeof COUNTS)[number] | (typeof SUMS)[number];
const COLUMNS: readonly Column[] = [...COUNTS, ...SUMS];

interface DatedFact {
  /** The instant the fact counts at, as an expression over the source row. */
  at: string;
  where?: string;
  values: Partial<Record<Column, string>>;
}

interface PairFact {
  kind: 'repeat' | 'lead';
  /** a <= b always: the figure counts pairs with a in the period and b before its end. */
  a: string;
  b: string;
  where: string;
}

interface Source {
  table: string;
  /** null: the facts belong to no customer (quadrant ''), and no customer is locked. */
  customer: string | null;
  facts: DatedFact[];
  pairs?: PairFact[];
}

const DAYS = (from: string, to: string) => `extract(epoch FROM ${to} - ${from}) / 86400`;

const SOURCES: Source[] = [
  {
    table: 'customer_kpi_facts',
    customer: 'customer_id',
    facts: [
      { at: 'acquired_at', values: { acquired: '1' } },
      { at: 'first_purchase_at', values: { first_purchases: '1' } },
      { at: 'second_purchase_at', values: { second_purchases: '1', days_to_second: DAYS('first_purchase_at', 'second_purchase_at') } },
    ],
    pairs: [{ kind: 'repeat', a: 'first_purchase_at', b: 'second_purchase_at', where: 'second_purchase_at IS NOT NULL' }],
  },
  {
    table: 'customer_active_spells',
    customer: 'customer_id',
    facts: [
      { at: 'starts_at', values: { active_starts: '1' } },
      // A subscription still running never ends.
      { at: 'ends_at', where: `ends_at < 'infinity'`, values: { active_ends: '1' } },
    ],
  },
  {
    table: 'orders',
    customer: 'customer_id',
    facts: [{ at: 'paid_at', values: { revenue_paid: 'coalesce(paid_amount, 0)' } }],
  },
  {
    table: 'survey_answers',
    customer: 'customer_id',
    facts: [
      {
        at: 'answered_at',
        values: {
          nps_answers: `(kind = 'NPS')::int`,
          nps_promoters: `(kind = 'NPS' AND score >= 9)::int`,
          nps_detractors: `(kind = 'NPS' AND score <= 6)::int`,
          csat_answers: `(kind = 'CSAT')::int`,
          csat_satisfied: `(kind = 'CSAT' AND score >= 4)::int`,
          ces_answers: `(kind = 'CES')::int`,
          ces_score_sum: `CASE WHEN kind = 'CES' THEN score ELSE 0 END`,
        },
      },
    ],
  },
  {
    table: 'deals',
    customer: 'customer_id',
    facts: [
      { at: 'created_at', values: { deals_created: '1' } },
      // Open at t: created before t and not closed before t. Closed is counted at the later of
      // creation and close, so that "created before t" minus "closed before t" is that count.
      { at: 'greatest(created_at, closed_at)', where: 'closed_at IS NOT NULL', values: { deals_closed: '1' } },
      { at: 'closed_at', where: `status = 'WON'`, values: { deals_won: '1', deals_won_amount: 'amount', deals_won_cycle_days: DAYS('created_at', 'closed_at') } },
      { at: 'closed_at', where: `status = 'LOST'`, values: { deals_lost: '1' } },
    ],
  },
  {
    table: 'leads',
    customer: null,
    facts: [{ at: 'created_at', values: { leads_created: '1' } }],
    pairs: [{ kind: 'lead', a: 'created_at', b: 'greatest(created_at, converted_at)', where: 'converted_at IS NOT NULL' }],
  },
];

const utcDay = (instant: string) => `(${instant} AT TIME ZONE 'UTC')::date`;

/** The columns `source` adds to: its triggers carry only those (summing the others' zeros costs as much). */
const columnsOf = (source: Source): Column[] => COLUMNS.filter((column) => source.facts.some((fact) => fact.values[column] !== undefined));

/** One SELECT per dated fact of `source` read from `relation`, with `columns`, each value times `sign`. */
function factRows(source: Source, relation: string, sign: 1 | -1, instant: (at: string) => string, columns: readonly Column[] = COLUMNS, withDay = false): string[] {
  return source.facts.map((fact) => {
    const values = columns.map((column) => {
      const value = fact.values[column];
      return `${value === undefined ? '0' : sign === 1 ? `(${value})` : `-(${value})`} AS ${column}`;
    });
    const where = [`${fact.at} IS NOT NULL`, ...(fact.where ? [fact.where] : [])].join(' AND ');
    const day = withDay ? ` ${utcDay(fact.at)} AS day,` : '';
    return `SELECT tenant_id, ${source.customer ?? 'NULL::uuid'} AS customer_id, ${instant(fact.at)} AS at,${day} ${values.join(', ')} FROM ${relation} WHERE ${where}`;
  });
}

function pairRows(source: Source, relation: string, sign: 1 | -1, instant: (at: string) => string): string[] {
  return (source.pairs ?? []).map(
    (pair) =>
      `SELECT tenant_id, ${source.customer ?? 'NULL::uuid'} AS customer_id, '${pair.kind}'::text AS kind, ${instant(pair.a)} AS a, ${instant(pair.b)} AS b, ${sign} AS n FROM ${relation} WHERE ${pair.where}`,
  );
}

const addExcluded = (columns: readonly Column[]) => columns.map((column) => `${column} = kpi_daily.${column} + excluded.${column}`).join(', ');

const nonZero = (columns: readonly Column[], expression: (column: Column) => string) => columns.map((column) => `${expression(column)} <> 0`).join(' OR ');

/** Signed fact rows (tenant_id, customer_id, at as a day, columns) netted per customer and day; what cancels out is dropped. */
const netFacts = (rows: string, columns: readonly Column[]) => `
  SELECT d.tenant_id, d.customer_id, d.at AS day, ${columns.map((column) => `sum(d.${column}) AS ${column}`).join(', ')}
    FROM (${rows}) d GROUP BY 1, 2, 3 HAVING ${nonZero(columns, (column) => `sum(d.${column})`)}`;

/**
 * A customer's quadrant, looked up by key for each changed customer: a join would let the
 * planner scan every segment of a large tenant for a statement that changed ten rows.
 */
const quadrantOf = (alias: string) =>
  `coalesce((SELECT s.quadrant FROM customer_segments s WHERE s.tenant_id = ${alias}.tenant_id AND s.customer_id = ${alias}.customer_id), '')`;

/** Adds netted fact rows to kpi_daily, each in its customer's quadrant. */
const addToDaily = (rows: string, columns: readonly Column[]) => `
  INSERT INTO kpi_daily (tenant_id, quadrant, day, ${columns.join(', ')})
  SELECT n.tenant_id, n.quadrant, n.day, ${columns.map((column) => `sum(n.${column})`).join(', ')}
    FROM (SELECT f.*, ${quadrantOf('f')} AS quadrant FROM (${netFacts(rows, columns)}) f) n
   GROUP BY 1, 2, 3
  HAVING ${nonZero(columns, (column) => `sum(n.${column})`)}
   ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, quadrant, day) DO UPDATE SET ${addExcluded(columns)}`;

const addToPairs = (rows: string) => `
  INSERT INTO kpi_pairs (tenant_id, kind, quadrant, a_day, b_day, n)
  SELECT n.tenant_id, n.kind, n.quadrant, n.a, n.b, sum(n.n)
    FROM (SELECT p.*, ${quadrantOf('p')} AS quadrant
            FROM (SELECT tenant_id, customer_id, kind, a, b, sum(n) AS n FROM (${rows}) d GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0) p) n
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(n.n) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (tenant_id, kind, quadrant, a_day, b_day) DO UPDATE SET n = kpi_pairs.n + excluded.n`;

/**
 * Locks the customers rows of (tenant_id, customer_id) `customers`, in key order, each by key
 * (a row the statement did not change is never touched).
 */
const lockCustomers = (customers: string, mode: 'KEY SHARE' | 'UPDATE') => `
  PERFORM 1 FROM (SELECT DISTINCT tenant_id, customer_id FROM (${customers}) k WHERE customer_id IS NOT NULL ORDER BY 1, 2) r,
    LATERAL (SELECT 1 FROM customers c WHERE c.tenant_id = r.tenant_id AND c.customer_id = r.customer_id FOR ${mode}) locked;`;

const OPERATIONS = {
  INSERT: { referencing: 'NEW TABLE AS new_rows', relations: [['new_rows', 1]] },
  UPDATE: { referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', relations: [['new_rows', 1], ['old_rows', -1]] },
  DELETE: { referencing: 'OLD TABLE AS old_rows', relations: [['old_rows', -1]] },
} as const;

/** The trigger function that keeps the rollups in step with one statement on `source`. */
function rollupTrigger(source: Source, operation: keyof typeof OPERATIONS): string {
  const relations = OPERATIONS[operation].relations;
  const columns = columnsOf(source);
  const facts = relations.flatMap(([relation, sign]) => factRows(source, relation, sign, utcDay, columns)).join('\n UNION ALL ');
  const pairs = relations.flatMap(([relation, sign]) => pairRows(source, relation, sign, utcDay)).join('\n UNION ALL ');
  // Only customers whose counted facts changed: an upsert that changed nothing counted locks nothing.
  const lock = source.customer === null ? '' : lockCustomers(`SELECT tenant_id, customer_id FROM (${netFacts(facts, columns)}) changed`, 'KEY SHARE');
  return `
    CREATE OR REPLACE FUNCTION ${source.table}_kpi_${operation.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      -- The lock first, in a statement of its own: the quadrants are read after it, by the next statement.
      ${lock}
      ${addToDaily(facts, columns)};
      ${pairs === '' ? '' : `${addToPairs(pairs)};`}
      RETURN NULL;
    END $fn$`;
}

/**
 * A row of customer_segments inserted, changed or deleted moves its customer's facts between
 * quadrants ('' when it has none). Rows whose quadrant did not change move nothing: the
 * segmentation rewrites every customer of the tenant.
 */
function segmentTrigger(operation: keyof typeof OPERATIONS): string {
  const leaving = operation === 'INSERT' ? null : `SELECT tenant_id, customer_id, quadrant FROM old_rows`;
  const arriving = operation === 'DELETE' ? null : `SELECT tenant_id, customer_id, quadrant FROM new_rows`;
  // Per customer and quadrant, the weight its facts now have there: -1 left, +1 entered.
  const moves = [
    leaving && (arriving ? `(${leaving} EXCEPT ${arriving})` : `(${leaving})`),
    arriving && (leaving ? `(${arriving} EXCEPT ${leaving})` : `(${arriving})`),
  ];
  const weights = `
    SELECT tenant_id, customer_id, quadrant, sum(weight) AS weight FROM (
      ${[
        moves[0] && `SELECT tenant_id, customer_id, quadrant, -1 AS weight FROM ${moves[0]} m UNION ALL SELECT tenant_id, customer_id, '', 1 FROM ${moves[0]} m`,
        moves[1] && `SELECT tenant_id, customer_id, quadrant, 1 AS weight FROM ${moves[1]} m UNION ALL SELECT tenant_id, customer_id, '', -1 FROM ${moves[1]} m`,
      ]
        .filter(Boolean)
        .join(' UNION ALL ')}
    ) w GROUP BY tenant_id, customer_id, quadrant HAVING sum(weight) <> 0`;
  return `
    CREATE OR REPLACE FUNCTION customer_segments_kpi_${operation.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${lockCustomers(`SELECT tenant_id, customer_id FROM (${weights}) w`, 'UPDATE')}
      WITH weights AS (${weights}),
           facts AS (
             SELECT f.tenant_id, f.customer_id, ${utcDay('f.at')} AS day, ${COLUMNS.map((column) => `sum(f.${column}) AS ${column}`).join(', ')}
               FROM kpi_facts f WHERE (f.tenant_id, f.customer_id) IN (SELECT tenant_id, customer_id FROM weights)
              GROUP BY 1, 2, 3)
      INSERT INTO kpi_daily (tenant_id, quadrant, day, ${COLUMNS.join(', ')})
      SELECT w.tenant_id, w.quadrant, f.day, ${COLUMNS.map((column) => `sum(w.weight * f.${column})`).join(', ')}
        FROM weights w JOIN facts f ON f.tenant_id = w.tenant_id AND f.customer_id = w.customer_id
       GROUP BY 1, 2, 3
      HAVING ${nonZero(COLUMNS, (column) => `sum(w.weight * f.${column})`)}
       ORDER BY 1, 2, 3
      ON CONFLICT (tenant_id, quadrant, day) DO UPDATE SET ${addExcluded(COLUMNS)};
      WITH weights AS (${weights})
      INSERT INTO kpi_pairs (tenant_id, kind, quadrant, a_day, b_day, n)
      SELECT w.tenant_id, p.kind, w.quadrant, ${utcDay('p.a')}, ${utcDay('p.b')}, sum(w.weight)
        FROM weights w JOIN kpi_pair_facts p ON p.tenant_id = w.tenant_id AND p.customer_id = w.customer_id
       GROUP BY 1, 2, 3, 4, 5
      HAVING sum(w.weight) <> 0
       ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (tenant_id, kind, quadrant, a_day, b_day) DO UPDATE SET n = kpi_pairs.n + excluded.n;
      RETURN NULL;
    END $fn$`;
}

/** kpi_facts, as the current code defines it (KpiRollupsByKey1732300000910 re-creates it). */
export const KPI_FACTS_VIEW = () => `
  CREATE VIEW kpi_facts WITH (security_invoker = true) AS
  ${SOURCES.flatMap((source) => factRows(source, source.table, 1, (at) => at, COLUMNS, true)).join('\n  UNION ALL ')}`;

/** Every trigger function of the rollups, as CREATE OR REPLACE statements (so a later migration can re-apply them). */
export function kpiTriggerFunctions(): string[] {
  const operations = Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[];
  return [...SOURCES.flatMap((source) => operations.map((operation) => rollupTrigger(source, operation))), ...operations.map(segmentTrigger)];
}

const TRIGGERED_TABLES = [...SOURCES.map((source) => source.table), 'customer_segments'];

export class KpiRollups1732300000900 implements MigrationInterface {
  name = 'KpiRollups1732300000900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE customer_kpi_facts (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        -- null only inside the transaction refreshing it: the row is that refresh's lock
        acquired_at timestamptz,
        first_purchase_at timestamptz,
        second_purchase_at timestamptz,
        PRIMARY KEY (tenant_id, customer_id)
      )`);
    // By instant: a period bound inside a day reads that day's facts from here (kpis).
    await runner.query(`CREATE INDEX customer_kpi_facts_acquired ON customer_kpi_facts (tenant_id, acquired_at)`);
    await runner.query(`CREATE INDEX customer_kpi_facts_first ON customer_kpi_facts (tenant_id, first_purchase_at) WHERE first_purchase_at IS NOT NULL`);
    await runner.query(`CREATE INDEX customer_kpi_facts_second ON customer_kpi_facts (tenant_id, second_purchase_at) WHERE second_purchase_at IS NOT NULL`);
    await runner.query(`
      CREATE TABLE customer_active_spells (
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, customer_id, starts_at)
      )`);
    // Spells ending in a period: the customers lost in it are among them.
    await runner.query(`CREATE INDEX customer_active_spells_ends ON customer_active_spells (tenant_id, ends_at) INCLUDE (starts_at, customer_id)`);
    await runner.query(`CREATE INDEX customer_active_spells_starts ON customer_active_spells (tenant_id, starts_at)`);
    // The other sources' instants, for the same reading of a part of a day.
    // By UTC day, not by instant, on the other services' tables: an index on paid_at alone (partial,
    // paid_at IS NOT NULL) was chosen, with young statistics, for refreshCustomerPurchases' per-customer
    // sum of payments, scanning every payment of the tenant once per customer. kpi_facts carries the day.
    await runner.query(`CREATE INDEX orders_paid_day ON orders (tenant_id, (${utcDay('paid_at')}))`);
    await runner.query(`CREATE INDEX deals_created_day ON deals (tenant_id, (${utcDay('created_at')}))`);
    await runner.query(`CREATE INDEX deals_closed_effective ON deals (tenant_id, greatest(created_at, closed_at)) WHERE closed_at IS NOT NULL`);
    await runner.query(`CREATE INDEX leads_converted_effective ON leads (tenant_id, greatest(created_at, converted_at)) WHERE converted_at IS NOT NULL`);

    // What a customer counts from before this migration: the same derivation as refreshKpiFacts.
    await runner.query(`
      INSERT INTO customer_kpi_facts (tenant_id, customer_id, acquired_at, first_purchase_at, second_purchase_at)
      SELECT tenant_id, customer_id, least(min(first_purchase_at), min(started_at)), min(first_purchase_at), min(second_purchase_at) FROM (
        SELECT tenant_id, customer_id, first_purchase_at, second_purchase_at, NULL::timestamptz AS started_at FROM customers WHERE first_purchase_at IS NOT NULL
        UNION ALL
        SELECT tenant_id, customer_id, NULL, NULL, started_at FROM subscriptions
      ) sources GROUP BY tenant_id, customer_id`);
    await runner.query(`
      INSERT INTO customer_active_spells (tenant_id, customer_id, starts_at, ends_at)
      ${MERGED_SPELLS('TRUE')}`);

    await runner.query(`
      CREATE TABLE kpi_daily (
        tenant_id uuid NOT NULL,
        quadrant text NOT NULL,
        day date NOT NULL,
        ${COUNTS.map((column) => `${column} bigint NOT NULL DEFAULT 0`).join(',\n        ')},
        ${SUMS.map((column) => `${column} numeric NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (tenant_id, quadrant, day)
      )`);
    await runner.query(`
      CREATE TABLE kpi_pairs (
        tenant_id uuid NOT NULL,
        kind text NOT NULL,
        quadrant text NOT NULL,
        a_day date NOT NULL,
        b_day date NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (tenant_id, kind, quadrant, a_day, b_day)
      )`);
    // security_invoker: read with the caller's row-level security, not the owner's.
    await runner.query(KPI_FACTS_VIEW());
    await runner.query(`
      CREATE VIEW kpi_pair_facts WITH (security_invoker = true) AS
      ${SOURCES.flatMap((source) => pairRows(source, source.table, 1, (at) => at)).join('\n      UNION ALL ')}`);

    await runner.query(`
      INSERT INTO kpi_daily (tenant_id, quadrant, day, ${COLUMNS.join(', ')})
      SELECT f.tenant_id, coalesce(s.quadrant, ''), ${utcDay('f.at')}, ${COLUMNS.map((column) => `sum(f.${column})`).join(', ')}
        FROM kpi_facts f LEFT JOIN customer_segments s ON s.tenant_id = f.tenant_id AND s.customer_id = f.customer_id
       GROUP BY 1, 2, 3`);
    await runner.query(`
      INSERT INTO kpi_pairs (tenant_id, kind, quadrant, a_day, b_day, n)
      SELECT p.tenant_id, p.kind, coalesce(s.quadrant, ''), ${utcDay('p.a')}, ${utcDay('p.b')}, count(*)
        FROM kpi_pair_facts p LEFT JOIN customer_segments s ON s.tenant_id = p.tenant_id AND s.customer_id = p.customer_id
       GROUP BY 1, 2, 3, 4, 5`);

    for (const definition of kpiTriggerFunctions()) await runner.query(definition);
    for (const source of SOURCES) {
      for (const operation of Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[]) {
        await runner.query(
          `CREATE TRIGGER ${source.table}_kpi_${operation.toLowerCase()} AFTER ${operation} ON ${source.table}
             REFERENCING ${OPERATIONS[operation].referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${source.table}_kpi_${operation.toLowerCase()}()`,
        );
      }
    }
    for (const operation of Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[]) {
      await runner.query(
        `CREATE TRIGGER customer_segments_kpi_${operation.toLowerCase()} AFTER ${operation} ON customer_segments
           REFERENCING ${OPERATIONS[operation].referencing} FOR EACH STATEMENT EXECUTE FUNCTION customer_segments_kpi_${operation.toLowerCase()}()`,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of TRIGGERED_TABLES) {
      for (const operation of Object.keys(OPERATIONS)) {
        await runner.query(`DROP TRIGGER ${table}_kpi_${operation.toLowerCase()} ON ${table}`);
        await runner.query(`DROP FUNCTION ${table}_kpi_${operation.toLowerCase()}()`);
      }
    }
    await runner.query(`DROP VIEW kpi_pair_facts`);
    await runner.query(`DROP VIEW kpi_facts`);
    await runner.query(`DROP TABLE kpi_pairs`);
    await runner.query(`DROP TABLE kpi_daily`);
    for (const index of ['leads_converted_effective', 'deals_closed_effective', 'deals_created_day', 'orders_paid_day']) await runner.query(`DROP INDEX ${index}`);
    await runner.query(`DROP TABLE customer_active_spells`);
    await runner.query(`DROP TABLE customer_kpi_facts`);
  }
}

/**
 * Merged activity of every customer, as refreshKpiFacts derives it when this migration was
 * written: purchase spells and subscriptions, each active on (start, end], joined where they
 * overlap or touch; a running subscription ends at infinity, an empty one is left out.
 */
const MERGED_SPELLS = (customers: string) => `
  WITH spans AS (
    SELECT tenant_id, customer_id, starts_at AS s, ends_at AS e FROM activity_spells WHERE ${customers}
    UNION ALL
    SELECT tenant_id, customer_id, started_at, coalesce(ended_at, 'infinity') FROM subscriptions WHERE ${customers} AND coalesce(ended_at, 'infinity') > started_at
  ), marked AS (
    SELECT tenant_id, customer_id, s, e,
           CASE WHEN s <= max(e) OVER (PARTITION BY tenant_id, customer_id ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS opens
      FROM spans
  ), islands AS (
    SELECT tenant_id, customer_id, s, e, sum(opens) OVER (PARTITION BY tenant_id, customer_id ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island FROM marked
  )
  SELECT tenant_id, customer_id, min(s) AS starts_at, max(e) AS ends_at FROM islands GROUP BY tenant_id, customer_id, island`;
