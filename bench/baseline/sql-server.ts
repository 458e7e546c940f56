// The hand-written baseline for customer-360: one Node process with pg, one indexed statement
// per database (run in parallel), answering the same JSON as the gateway. It verifies the
// bearer token as the gateway does, so the comparison prices federation, not authentication.
// Started by the bench: node --conditions=development --import tsx bench/baseline/sql-server.ts
import { createServer } from 'node:http';
import { createTokenVerifier } from '@rapport/service-kit';
import pg from 'pg';

const port = Number(process.env['PORT'] ?? 0);
const postgresPort = Number(process.env['BASELINE_POSTGRES_PORT'] ?? 55329);
const verify = createTokenVerifier({ secret: process.env['JWT_SECRET']! });
// Dates as the graph gives them (ISO strings), numerics as numbers.
pg.types.setTypeParser(1700, Number);
pg.types.setTypeParser(1184, (value) => new Date(value).toISOString());
const pool = (database: string) => new pg.Pool({ connectionString: `postgres://postgres:postgres@127.0.0.1:${postgresPort}/${database}`, max: 8 });
const contacts = pool('rapport_contacts');
const sales = pool('rapport_sales_pipeline');
const support = pool('rapport_support');
const analytics = pool('rapport_analytics');

const CUSTOMER = `
SELECT c.id, c.name, c.kind, c.email, c.domain, c.country, c.lifecycle_stage AS "lifecycleStage", c.tags, c.created_at AS "createdAt",
       coalesce((SELECT json_agg(json_build_object('id', k.id, 'firstName', k.first_name, 'lastName', k.last_name, 'email', k.email, 'phone', k.phone, 'title', k.title) ORDER BY k.created_at, k.id)
                   FROM contacts k WHERE k.tenant_id = c.tenant_id AND k.customer_id = c.id), '[]') AS contacts
  FROM customers c WHERE c.tenant_id = $1 AND c.id = $2 AND c.erased_at IS NULL`;
const SALES = `
SELECT coalesce((SELECT json_agg(json_build_object('id', d.id, 'title', d.title, 'status', d.status, 'amount', json_build_object('amount', d.amount, 'currency', d.currency),
                                   'stage', json_build_object('id', s.id, 'name', s.name, 'probability', s.probability), 'expectedCloseAt', d.expected_close_at) ORDER BY d.created_at)
                   FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.tenant_id = $1 AND d.customer_id = $2 AND d.status = 'OPEN'), '[]') AS deals,
       coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', o.id, 'placedAt', o.placed_at, 'dueAt', o.due_at, 'paidAt', o.paid_at,
                                   'total', json_build_object('amount', o.total_amount, 'currency', o.currency))) ORDER BY o.placed_at DESC)
                   FROM (SELECT * FROM orders WHERE tenant_id = $1 AND customer_id = $2 ORDER BY placed_at DESC LIMIT 10) o), '[]') AS orders,
       (SELECT json_build_object('lifetime', json_build_object('amount', coalesce(sum(paid_amount), 0), 'currency', coalesce(min(currency), 'USD')), 'orderCount', count(*), 'lastOrderAt', max(placed_at))
          FROM orders WHERE tenant_id = $1 AND customer_id = $2) AS revenue`;
const SUPPORT = `
SELECT coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', t.id, 'subject', t.subject, 'priority', t.priority, 'status', t.status, 'createdAt', t.created_at)) ORDER BY t.created_at DESC)
                   FROM (SELECT * FROM tickets WHERE tenant_id = $1 AND customer_id = $2 AND status = 'OPEN' ORDER BY created_at DESC LIMIT 10) t), '[]') AS tickets,
       (SELECT count(*) FROM tickets WHERE tenant_id = $1 AND customer_id = $2 AND status = 'OPEN')::int AS "ticketCount",
       (SELECT json_build_object(
                 'csat', round(100.0 * count(*) FILTER (WHERE kind = 'CSAT' AND score >= 4) / nullif(count(*) FILTER (WHERE kind = 'CSAT'), 0), 1),
                 'nps', round(100.0 * (count(*) FILTER (WHERE kind = 'NPS' AND score >= 9) - count(*) FILTER (WHERE kind = 'NPS' AND score <= 6)) / nullif(count(*) FILTER (WHERE kind = 'NPS'), 0)),
                 'responses', count(*))
          FROM survey_responses WHERE tenant_id = $1 AND customer_id = $2) AS satisfaction`;
const METRICS = `
SELECT m.health_score AS "healthScore", m.updated_at AS "updatedAt"
  FROM customer_metrics m WHERE m.tenant_id = $1 AND m.customer_id = $2`;

async function customer360(tenantId: string, id: string): Promise<unknown> {
  const [customer, salesRow, supportRow, metrics] = await Promise.all([
    contacts.query(CUSTOMER, [tenantId, id]),
    sales.query(SALES, [tenantId, id]),
    support.query(SUPPORT, [tenantId, id]),
    analytics.query(METRICS, [tenantId, id]),
  ]);
  const row = customer.rows[0];
  if (!row) return { data: { customer: null } };
  const s = salesRow.rows[0];
  const t = supportRow.rows[0];
  return {
    data: {
      customer: {
        ...row,
        deals: s.deals,
        orders: { edges: s.orders },
        tickets: { edges: t.tickets, totalCount: t.ticketCount },
        satisfaction: t.satisfaction,
        revenue: s.revenue,
        metrics: metrics.rows[0] ?? null,
      },
    },
  };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    void (async () => {
      try {
        const auth = await verify(String(request.headers.authorization ?? '').replace(/^Bearer /, ''));
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: { id: string } };
        const answer = JSON.stringify(await customer360(auth.tenantId, body.variables.id));
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
      } catch (error) {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      }
    })();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ event: 'listening', port: typeof address === 'object' && address ? address.port : port })}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close();
    void Promise.all([contacts, sales, support, analytics].map((p) => p.end())).then(() => process.exit(0));
  });
}
