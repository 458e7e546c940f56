import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { contactsService } from '@rapport/contacts';
import { ChurnRiskChangedV1, InteractionRecordedV1, OrderPlacedV1, TicketOpenedV1, type EventDefinition, type EventEnvelope } from '@rapport/events';
import { executeAs, resolveEntities, startServiceForTest, withTenant, type RunningService } from '@rapport/service-kit';
import { createEventPublisher, createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl, type EventPublisher } from '@rapport/test-kit';
import type { AnalyticsContext } from '../src/context.js';
import { recomputeChurnRisk, sweepChurnRisk } from '../src/modules/churn-risk/churn-risk.service.js';
import { createAnalyticsService } from '../src/service.js';
import { generateChurnDataset, type GeneratedEvent } from './support/churn-dataset.js';

let analytics: RunningService<AnalyticsContext>;
let contacts: RunningService<any>;
let publisher: EventPublisher;

before(async () => {
  [analytics, contacts, publisher] = await Promise.all([
    // A database and consumer group of its own: another analytics service on the run's broker
    // (the gateway's tests) must neither take this one's partitions nor apply its events twice.
    // No timed sweep: the test sweeps as of the reference time it generated the data for.
    startServiceForTest(createAnalyticsService({ consumerGroup: 'analytics-churn-test', churnSweepIntervalMs: 0 }), {
      databaseUrl: testDatabaseUrl('analytics_churn'),
      jwtSecret: TEST_JWT_SECRET,
    }),
    startServiceForTest(contactsService, { databaseUrl: testDatabaseUrl('contacts'), jwtSecret: TEST_JWT_SECRET }),
    createEventPublisher(),
  ]);
});
after(async () => {
  await publisher.stop();
  await Promise.all([analytics.stop(), contacts.stop()]);
});

/** Publishes generated events as their producers' relays would, in batches per contract. */
async function publishAll(tenantId: string, events: GeneratedEvent[]): Promise<string[]> {
  const byDefinition = new Map<EventDefinition, GeneratedEvent[]>();
  for (const event of events) byDefinition.set(event.definition, [...(byDefinition.get(event.definition) ?? []), event]);
  const ids: string[] = [];
  for (const [definition, list] of byDefinition) {
    for (let index = 0; index < list.length; index += 2000) {
      const sent = await publisher.publish(
        definition,
        list.slice(index, index + 2000).map((event) => ({ tenantId, customerId: event.customerId, payload: event.payload })),
      );
      ids.push(...sent.map((envelope) => envelope.id));
    }
  }
  return ids;
}

/** Until analytics has applied every one of `ids` (the inbox holds each applied event id once). */
async function appliedAll(ids: string[], what: string) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const [row] = await analytics.dataSource.query(`SELECT count(*)::int AS applied FROM inbox WHERE consumer_group = 'analytics-churn-test' AND event_id = ANY($1::uuid[])`, [ids]);
    if (row.applied === ids.length) return;
    if (Date.now() > deadline) assert.fail(`${what}: ${row.applied} of ${ids.length} events applied`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function query(token: string, text: string, variables: Record<string, unknown> = {}) {
  const response = await executeAs(analytics.subgraph, { query: text, variables }, token);
  assert.equal(response.body.kind, 'single');
  const result = (response.body as { singleResult: { data?: any; errors?: unknown } }).singleResult;
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return JSON.parse(JSON.stringify(result.data));
}

describe('churn risk acceptance', () => {
  it('flags at least 80% of a known tenth of churners as HIGH with at most 20% false alarms', async (t) => {
    const tenant = createTestTenant();
    const reference = new Date();
    const dataset = generateChurnDataset({ seed: 20251123, customers: 300, reference });
    const ids = await publishAll(tenant.tenantId, dataset.events);
    await appliedAll(ids, 'generated data set');
    // The consumers scored every customer as its events arrived; the sweep settles the scores as
    // of the one reference time the data was generated for.
    const swept = await sweepChurnRisk(analytics.dataSource, { now: reference, asOf: reference, tenantIds: [tenant.tenantId] });
    assert.equal(swept.customers, 300);

    const rows: { customer_id: string; level: string; score: number }[] = await analytics.dataSource.query(
      `SELECT customer_id, level, score FROM customer_churn_risk WHERE tenant_id = $1`,
      [tenant.tenantId],
    );
    assert.equal(rows.length, 300);
    const high = new Set(rows.filter((row) => row.level === 'HIGH').map((row) => row.customer_id));
    const caught = [...dataset.churners].filter((id) => high.has(id)).length;
    const falseAlarms = [...high].filter((id) => !dataset.churners.has(id)).length;
    const recall = caught / dataset.churners.size;
    const precision = high.size === 0 ? 0 : caught / high.size;
    t.diagnostic(
      `churners ${dataset.churners.size} of ${rows.length}; HIGH ${high.size}: caught ${caught} (recall ${(recall * 100).toFixed(1)}%), false alarms ${falseAlarms} (${((falseAlarms / Math.max(1, high.size)) * 100).toFixed(1)}% of alarms, precision ${(precision * 100).toFixed(1)}%)`,
    );
    assert.equal(dataset.churners.size, 30);
    assert.ok(recall >= 0.8, `recall ${recall}`);
    assert.ok(falseAlarms <= 0.2 * high.size, `${falseAlarms} false alarms of ${high.size}`);

    // The public API answers the same: the HIGH list, highest score first, and the churners'
    // health far below the others'.
    const token = await tenant.token(['analyst']);
    const page = (await query(token, `{ atRiskCustomers(level: HIGH, first: 100) { totalCount edges { node { id } } } }`))['atRiskCustomers'];
    assert.equal(page.totalCount, high.size);
    assert.deepEqual(new Set(page.edges.map((edge: any) => edge.node.id)), high);
    const healthOf = async (customerIds: string[]) => {
      const found: { customer_id: string; health_score: number }[] = await analytics.dataSource.query(
        `SELECT customer_id, health_score FROM customer_metrics WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`,
        [tenant.tenantId, customerIds],
      );
      return found.reduce((sum, row) => sum + row.health_score, 0) / found.length;
    };
    const churnerHealth = await healthOf([...dataset.churners]);
    const otherHealth = await healthOf(dataset.customerIds.filter((id) => !dataset.churners.has(id)));
    t.diagnostic(`mean health: churners ${churnerHealth.toFixed(1)}, others ${otherHealth.toFixed(1)}`);
    assert.ok(churnerHealth + 20 < otherHealth, `health ${churnerHealth} vs ${otherHealth}`);
  });

  it('while catching up queues the customers and scores them once caught up, with the levels of following along', async () => {
    const tenant = createTestTenant();
    const dataset = generateChurnDataset({ seed: 20261123, customers: 120, reference: new Date() });
    const ids = await publishAll(tenant.tenantId, dataset.events);
    await appliedAll(ids, 'generated data set');
    // A second analytics, started after the fact, reads every topic from offset 0: far behind.
    const group = `analytics-catch-up-${randomUUID()}`;
    const catchingUp = await startServiceForTest(createAnalyticsService({ consumerGroup: group, churnSweepIntervalMs: 0, churnCatchUpLag: 50 }), {
      databaseUrl: testDatabaseUrl('analytics_catch_up'),
      jwtSecret: TEST_JWT_SECRET,
    });
    try {
      const db = catchingUp.dataSource;
      const levelsOf = async (dataSource: typeof db) =>
        Object.fromEntries(
          ((await dataSource.query(`SELECT customer_id, level FROM customer_churn_risk WHERE tenant_id = $1 AND as_of <> '-infinity'`, [tenant.tenantId])) as { customer_id: string; level: string }[]).map(
            (row) => [row.customer_id, row.level],
          ),
        );
      const deadline = Date.now() + 180_000;
      for (;;) {
        const [applied] = await db.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])`, [group, ids]);
        const [queued] = await db.query(`SELECT count(*)::int AS n FROM churn_rescore_backlog`);
        if (applied.n === ids.length && queued.n === 0 && Object.keys(await levelsOf(db)).length === 120) break;
        if (Date.now() > deadline) assert.fail(`applied ${applied.n} of ${ids.length}, ${queued.n} customers still queued`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // The queue was used (statistics reach pg_stat_user_tables within seconds).
      for (;;) {
        const [stats] = await db.query(`SELECT coalesce(sum(n_tup_ins), 0)::int AS inserted FROM pg_stat_user_tables WHERE relname = 'churn_rescore_backlog'`);
        if (stats.inserted > 0) break;
        if (Date.now() > deadline) assert.fail('no customer was queued while catching up');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      assert.deepEqual(await levelsOf(db), await levelsOf(analytics.dataSource));
    } finally {
      await catchingUp.stop();
    }
  });

  it('turns a rise to HIGH into exactly one task in contacts, whatever the redeliveries and repeated HIGHs', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const ownerId = randomUUID();
    const created = await graphqlRequest(`http://127.0.0.1:${contacts.port}/graphql`, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`, {
      token,
      variables: { input: { name: 'Slipping Away GmbH', kind: 'BUSINESS', ownerId } },
    });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const customerId = created.data!['createCustomer'].customer.id as string;

    // Its history in two steps whose every partial state scores no lower than the one before,
    // so that the level rises to HIGH exactly once: first usage that falls off (MEDIUM at most),
    // then unpaid orders past due and a pile of tickets (HIGH).
    const reference = new Date();
    const day = 86_400_000;
    const usage: GeneratedEvent[] = [];
    for (let daysAgo = 84; daysAgo >= 1; daysAgo -= 1) {
      if (daysAgo <= 28 ? daysAgo % 14 !== 0 : daysAgo % 7 === 6) continue;
      usage.push({
        definition: InteractionRecordedV1,
        customerId,
        payload: { interactionId: randomUUID(), kind: 'PRODUCT_USAGE', feature: 'reports', memberId: null, occurredAt: new Date(reference.getTime() - daysAgo * day).toISOString() },
      });
    }
    await appliedAll(await publishAll(tenant.tenantId, usage), 'falling usage');
    const trouble: GeneratedEvent[] = [];
    for (const daysAgo of [40, 25]) {
      trouble.push({
        definition: OrderPlacedV1,
        customerId,
        payload: {
          orderId: randomUUID(),
          lines: [{ productId: randomUUID(), sku: 'PLAN', quantity: 1, unitPrice: '250.00' }],
          totalAmount: '250.00',
          currency: 'EUR',
          placedAt: new Date(reference.getTime() - daysAgo * day).toISOString(),
          dueAt: new Date(reference.getTime() - (daysAgo - 14) * day).toISOString(),
        },
      });
    }
    for (const priority of ['URGENT', 'HIGH', 'NORMAL'] as const) {
      trouble.push({
        definition: TicketOpenedV1,
        customerId,
        payload: { ticketId: randomUUID(), priority, channel: 'email', status: 'NEW', openedBy: null, openedAt: new Date(reference.getTime() - 5 * day).toISOString() },
      });
    }
    await appliedAll(await publishAll(tenant.tenantId, trouble), 'unpaid orders and tickets');
    await sweepChurnRisk(analytics.dataSource, { now: reference, asOf: reference, tenantIds: [tenant.tenantId] });

    const [risk] = await analytics.dataSource.query(`SELECT level FROM customer_churn_risk WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, customerId]);
    assert.equal(risk?.level, 'HIGH');
    const [outbox] = (await analytics.dataSource.query(
      `SELECT envelope FROM outbox WHERE tenant_id = $1 AND type = 'ChurnRiskChanged' AND message_key = $2 ORDER BY seq DESC LIMIT 1`,
      [tenant.tenantId, customerId],
    )) as { envelope: string }[];
    const rise = JSON.parse(outbox!.envelope) as EventEnvelope<{ level: string; signals: { name: string }[] }>;
    assert.equal(rise.payload.level, 'HIGH');

    const tasks = async () =>
      (await contacts.dataSource.query(`SELECT reason, assignee_id FROM tasks WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, customerId])) as {
        reason: string;
        assignee_id: string;
      }[];
    const waitForTasks = async (count: number) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const found = await tasks();
        if (found.length >= count) return found;
        if (Date.now() > deadline) assert.fail(`expected ${count} task(s), found ${found.length}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const [task] = await waitForTasks(1);
    assert.equal(task!.assignee_id, ownerId);
    for (const signal of rise.payload.signals) assert.ok(task!.reason.includes(signal.name), `${signal.name} in ${task!.reason}`);

    // The same event again, and another HIGH of the same episode; a marker event after them on
    // the same key (same partition, so applied after them) says when contacts has seen both.
    await publisher.republish(ChurnRiskChangedV1.topic, [rise]);
    await publisher.publish(ChurnRiskChangedV1, [
      { tenantId: tenant.tenantId, customerId, payload: { previousLevel: 'HIGH', level: 'HIGH', score: 77, signals: [], asOf: reference.toISOString() } },
    ]);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [state] = await contacts.dataSource.query(`SELECT score FROM churn_follow_ups WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, customerId]);
      if (state?.score === 77) break;
      if (Date.now() > deadline) assert.fail('contacts did not apply the second HIGH');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal((await tasks()).length, 1);
  });
});

const DAY = 86_400_000;

/** Read-model rows written straight in (the consumers that write them are tested with them). */
async function seedCustomer(
  tenantId: string,
  customerId: string,
  data: { weeklyUsage?: number[]; orders?: { amount: string; placedAt: Date; dueAt: Date | null; paidAt: Date | null }[]; lastActivityAt?: Date },
  reference: Date,
) {
  await analytics.dataSource.query(
    `INSERT INTO customers (tenant_id, customer_id, last_event_at, last_activity_at) VALUES ($1, $2, now(), $3)`,
    [tenantId, customerId, data.lastActivityAt ?? null],
  );
  const monday = new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate() - ((reference.getUTCDay() + 6) % 7)));
  // weeklyUsage[0] is the last complete week, [1] the one before, and so on.
  for (const [index, interactions] of (data.weeklyUsage ?? []).entries()) {
    const week = new Date(monday.getTime() - (index + 1) * 7 * DAY).toISOString().slice(0, 10);
    await analytics.dataSource.query(
      `INSERT INTO usage_weeks (tenant_id, customer_id, week, kind, feature, interactions) VALUES ($1, $2, $3, 'PRODUCT_USAGE', '', $4)`,
      [tenantId, customerId, week, interactions],
    );
  }
  for (const order of data.orders ?? []) {
    await analytics.dataSource.query(
      `INSERT INTO orders (tenant_id, order_id, customer_id, amount, currency, placed_at, due_at, paid_at, paid_amount, payment_count, placed_seen)
       VALUES ($1, $2, $3, $4, 'EUR', $5, $6, $7, CASE WHEN $7::timestamptz IS NULL THEN NULL ELSE $4::numeric END, CASE WHEN $7::timestamptz IS NULL THEN 0 ELSE 1 END, true)`,
      [tenantId, randomUUID(), customerId, order.amount, order.placedAt, order.dueAt, order.paidAt],
    );
  }
}

async function run(token: string, text: string, variables: Record<string, unknown> = {}) {
  const response = await executeAs(analytics.subgraph, { query: text, variables }, token);
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return JSON.parse(JSON.stringify(response.body.singleResult)) as { data?: Record<string, any> | null; errors?: { extensions?: Record<string, unknown> }[] };
}

const churnEvents = async (tenantId: string, customerId: string) =>
  ((await analytics.dataSource.query(`SELECT envelope FROM outbox WHERE tenant_id = $1 AND type = 'ChurnRiskChanged' AND message_key = $2 ORDER BY seq`, [
    tenantId,
    customerId,
  ])) as { envelope: string }[]).map((row) => JSON.parse(row.envelope).payload as { previousLevel: string | null; level: string; score: number });

describe('churn risk: sweep, settings, at-risk list and segments', () => {
  it('publishes ChurnRiskChanged only when time passing or new data moves the level', async () => {
    const tenant = createTestTenant();
    const customerId = randomUUID();
    const reference = new Date('2026-03-18T12:00:00Z');
    // Usage 6/week falling to 1/week: -83% -> 25 points. Two orders due in the week after the
    // reference, unpaid.
    await seedCustomer(
      tenant.tenantId,
      customerId,
      {
        weeklyUsage: [1, 1, 1, 1, 6, 6, 6, 6, 6, 6, 6, 6],
        orders: [
          { amount: '100.00', placedAt: new Date(reference.getTime() - 10 * DAY), dueAt: new Date(reference.getTime() + 3 * DAY), paidAt: null },
          { amount: '100.00', placedAt: new Date(reference.getTime() - 9 * DAY), dueAt: new Date(reference.getTime() + 4 * DAY), paidAt: null },
        ],
        lastActivityAt: new Date(reference.getTime() - 2 * DAY),
      },
      reference,
    );
    const sweep = (asOf: Date) => sweepChurnRisk(analytics.dataSource, { now: asOf, asOf, tenantIds: [tenant.tenantId] });
    await sweep(reference);
    assert.deepEqual(
      (await churnEvents(tenant.tenantId, customerId)).map((event) => [event.previousLevel, event.level, event.score]),
      [[null, 'MEDIUM', 25]],
    );
    await sweep(reference);
    assert.equal((await churnEvents(tenant.tenantId, customerId)).length, 1, 'the same level again publishes nothing');
    // A week later both orders are past due and unpaid, with no new event at all: +20 points.
    const weekLater = new Date(reference.getTime() + 7 * DAY);
    await sweep(weekLater);
    const events = await churnEvents(tenant.tenantId, customerId);
    assert.deepEqual(events.at(-1), { ...events.at(-1), previousLevel: 'MEDIUM', level: 'HIGH' });

    const token = await tenant.token(['sales']);
    const [customer, unseen] = await resolveEntities(
      analytics.subgraph,
      token,
      'Customer',
      [customerId, randomUUID()],
      'metrics { healthScore lastActivityAt churnRisk { score level asOf signals { name weight detail } } }',
    );
    assert.deepEqual(unseen?.['metrics'], { healthScore: 50, lastActivityAt: null, churnRisk: { score: 0, level: 'LOW', asOf: null, signals: [] } });
    // The later of the last interaction (2 days before the reference) and the last order (9 days before).
    assert.equal(customer?.['metrics'].lastActivityAt, new Date(reference.getTime() - 2 * DAY).toISOString());
    const risk = customer?.['metrics'].churnRisk;
    assert.equal(risk.level, 'HIGH');
    assert.equal(risk.asOf, weekLater.toISOString());
    assert.deepEqual(
      risk.signals.map((signal: any) => signal.name),
      ['FALLING_USAGE', 'LATE_PAYMENTS'],
    );
    assert.equal(Math.round(risk.signals.reduce((sum: number, signal: any) => sum + signal.weight, 0) * 10) / 10, risk.score);
    assert.match(risk.signals[1].detail, /2 orders overdue and unpaid/);
  });

  it('lets an admin change weights and thresholds, rescoring at once; others are refused, bad values named', async () => {
    const tenant = createTestTenant();
    const admin = await tenant.token(['admin']);
    const customerId = randomUUID();
    const reference = new Date();
    await seedCustomer(tenant.tenantId, customerId, { weeklyUsage: [0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5], lastActivityAt: new Date(reference.getTime() - 3 * DAY) }, reference);
    await sweepChurnRisk(analytics.dataSource, { now: reference, asOf: reference, tenantIds: [tenant.tenantId] });

    const CONFIGURE = `mutation($input: ConfigureChurnRiskInput!) { configureChurnRisk(input: $input) { rescored settings { weights { fallingUsage latePayments } mediumThreshold highThreshold updatedAt } } }`;
    const refused = await run(await tenant.token(['analyst']), CONFIGURE, { input: { highThreshold: 30 } });
    assert.equal(refused.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    const inverted = await run(admin, CONFIGURE, { input: { mediumThreshold: 50, highThreshold: 40 } });
    assert.deepEqual([inverted.errors?.[0]?.extensions?.['code'], inverted.errors?.[0]?.extensions?.['field']], ['BAD_USER_INPUT', 'highThreshold']);
    const negative = await run(admin, CONFIGURE, { input: { weights: { latePayments: -5 } } });
    assert.deepEqual([negative.errors?.[0]?.extensions?.['code'], negative.errors?.[0]?.extensions?.['field']], ['BAD_USER_INPUT', 'weights.latePayments']);
    const unchanged = await run(admin, `{ churnRiskSettings { mediumThreshold highThreshold updatedAt } }`);
    assert.deepEqual(unchanged.data?.['churnRiskSettings'], { mediumThreshold: 20, highThreshold: 35, updatedAt: null });

    // Usage alone is 25 of 100 points (MEDIUM); weighted 100 against the other six at their
    // defaults (75), it is 100 x 100 / 175 = 57.1 points: HIGH.
    const configured = await run(admin, CONFIGURE, { input: { weights: { fallingUsage: 100 } } });
    assert.equal(configured.errors, undefined, JSON.stringify(configured.errors));
    assert.equal(configured.data?.['configureChurnRisk'].rescored, 1);
    assert.deepEqual(configured.data?.['configureChurnRisk'].settings.weights, { fallingUsage: 100, latePayments: 20 });
    const [row] = await analytics.dataSource.query(`SELECT level, score FROM customer_churn_risk WHERE tenant_id = $1 AND customer_id = $2`, [tenant.tenantId, customerId]);
    assert.deepEqual(row, { level: 'HIGH', score: 57.1 });
    assert.deepEqual(
      (await churnEvents(tenant.tenantId, customerId)).map((event) => event.level),
      ['MEDIUM', 'HIGH'],
    );
  });

  it('pages through the at-risk customers of the caller tenant only, highest score first', async () => {
    const tenant = createTestTenant();
    const other = createTestTenant();
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const insert = (tenantId: string, customerId: string, score: number, level: string) =>
      analytics.dataSource.query(
        `INSERT INTO customer_churn_risk (tenant_id, customer_id, score, level, signals, as_of, computed_at, level_changed_at) VALUES ($1, $2, $3, $4, '[]', now(), now(), now())`,
        [tenantId, customerId, score, level],
      );
    await insert(tenant.tenantId, ids[0]!, 55, 'HIGH');
    await insert(tenant.tenantId, ids[1]!, 91, 'HIGH');
    await insert(tenant.tenantId, ids[2]!, 70, 'HIGH');
    await insert(tenant.tenantId, ids[3]!, 30, 'MEDIUM');
    await insert(other.tenantId, randomUUID(), 99, 'HIGH');
    const token = await tenant.token(['marketing']);
    const PAGE = `query($after: String, $level: RiskLevel) { atRiskCustomers(level: $level, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const first = (await run(token, PAGE)).data?.['atRiskCustomers'];
    assert.equal(first.totalCount, 3);
    assert.deepEqual(first.edges.map((edge: any) => edge.node.id), [ids[1], ids[2]]);
    assert.equal(first.pageInfo.hasNextPage, true);
    const second = (await run(token, PAGE, { after: first.pageInfo.endCursor })).data?.['atRiskCustomers'];
    assert.deepEqual(second.edges.map((edge: any) => edge.node.id), [ids[0]]);
    assert.equal(second.pageInfo.hasNextPage, false);
    const medium = (await run(token, PAGE, { level: 'MEDIUM' })).data?.['atRiskCustomers'];
    assert.deepEqual(medium.edges.map((edge: any) => edge.node.id), [ids[3]]);
    const bad = await run(token, PAGE, { after: 'not-a-cursor' });
    assert.deepEqual([bad.errors?.[0]?.extensions?.['code'], bad.errors?.[0]?.extensions?.['field']], ['BAD_USER_INPUT', 'after']);
  });

  it('publishes one change when the consumer and the sweep score a new customer at the same time', async () => {
    const tenant = createTestTenant();
    const customerId = randomUUID();
    const reference = new Date();
    await seedCustomer(tenant.tenantId, customerId, { weeklyUsage: [0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5], lastActivityAt: reference }, reference);
    // The first scoring holds its transaction open until the second has started and reached the
    // customer's row; the second must then see the first's level, not "never scored".
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let scored!: () => void;
    const firstScored = new Promise<void>((resolve) => (scored = resolve));
    const first = withTenant(analytics.dataSource, tenant.tenantId, async (scope) => {
      await recomputeChurnRisk(scope, [customerId], reference);
      scored();
      await gate;
    });
    await firstScored;
    const second = withTenant(analytics.dataSource, tenant.tenantId, (scope) => recomputeChurnRisk(scope, [customerId], reference));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([first, second]);
    assert.deepEqual(
      (await churnEvents(tenant.tenantId, customerId)).map((event) => [event.previousLevel, event.level]),
      [[null, 'MEDIUM']],
    );
  });

  it('scores a merged id as its survivor and drops its own score', async () => {
    const tenant = createTestTenant();
    const [survivor, merged] = [randomUUID(), randomUUID()];
    const reference = new Date();
    await seedCustomer(tenant.tenantId, survivor, { weeklyUsage: [0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5], lastActivityAt: reference }, reference);
    await seedCustomer(tenant.tenantId, merged, {}, reference);
    await sweepChurnRisk(analytics.dataSource, { now: reference, asOf: reference, tenantIds: [tenant.tenantId] });
    await analytics.dataSource.query(`INSERT INTO customer_aliases (tenant_id, merged_id, survivor_id, merged_at) VALUES ($1, $2, $3, now())`, [
      tenant.tenantId,
      merged,
      survivor,
    ]);
    await analytics.dataSource.query(`UPDATE customer_churn_risk SET score = 0, level = 'LOW' WHERE tenant_id = $1`, [tenant.tenantId]);
    // An event of the merged id after the merge, as the consumer would rescore it.
    await withTenant(analytics.dataSource, tenant.tenantId, (scope) => recomputeChurnRisk(scope, [merged], reference));
    const rows: { customer_id: string; level: string }[] = await analytics.dataSource.query(
      `SELECT customer_id, level FROM customer_churn_risk WHERE tenant_id = $1`,
      [tenant.tenantId],
    );
    assert.deepEqual(rows, [{ customer_id: survivor, level: 'MEDIUM' }]);
    const swept = await sweepChurnRisk(analytics.dataSource, { now: reference, asOf: reference, tenantIds: [tenant.tenantId] });
    assert.deepEqual([swept.customers, swept.segmented], [1, 1]);
  });

  it('segments customers at the median of trailing 12-month revenue, or at a configured threshold', async () => {
    const tenant = createTestTenant();
    const reference = new Date();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const paid = (amount: string, daysAgo: number) => ({
      amount,
      placedAt: new Date(reference.getTime() - daysAgo * DAY),
      dueAt: null,
      paidAt: new Date(reference.getTime() - daysAgo * DAY),
    });
    await seedCustomer(tenant.tenantId, a, { orders: [paid('300.00', 30), paid('200.00', 200)] }, reference);
    // B's large order is older than 12 months: only its 100.00 counts.
    await seedCustomer(tenant.tenantId, b, { orders: [paid('100.00', 60), paid('1000.00', 500)] }, reference);
    await seedCustomer(tenant.tenantId, c, {}, reference);
    const swept = await sweepChurnRisk(analytics.dataSource, { now: reference, asOf: reference, tenantIds: [tenant.tenantId] });
    assert.equal(swept.segmented, 3);

    const token = await tenant.token(['analyst']);
    const SUMMARY = `{ segmentSummary { quadrant customers revenue { amount currency } } }`;
    // Median of the positive current values (500, 100) = 300: A is high (PROTECT, no CLV model
    // means no potential), B and C are low.
    assert.deepEqual((await run(token, SUMMARY)).data?.['segmentSummary'], [
      { quadrant: 'INVEST', customers: 0, revenue: { amount: 0, currency: 'EUR' } },
      { quadrant: 'PROTECT', customers: 1, revenue: { amount: 500, currency: 'EUR' } },
      { quadrant: 'DEVELOP', customers: 0, revenue: { amount: 0, currency: 'EUR' } },
      { quadrant: 'SERVE_EFFICIENTLY', customers: 2, revenue: { amount: 100, currency: 'EUR' } },
    ]);
    const [customer] = await resolveEntities(analytics.subgraph, token, 'Customer', [b], 'metrics { valueSegment { quadrant currentValue { amount currency } potentialValue { amount } } }');
    assert.deepEqual(customer?.['metrics'].valueSegment, { quadrant: 'SERVE_EFFICIENTLY', currentValue: { amount: 100, currency: 'EUR' }, potentialValue: { amount: 0 } });

    const CONFIGURE = `mutation($input: ConfigureValueSegmentsInput!) { configureValueSegments(input: $input) { segmented settings { currentValueThreshold potentialValueThreshold } } }`;
    assert.equal((await run(token, CONFIGURE, { input: { currentValueThreshold: 50 } })).errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    const admin = await tenant.token(['admin']);
    const negative = await run(admin, CONFIGURE, { input: { currentValueThreshold: -1 } });
    assert.equal(negative.errors?.[0]?.extensions?.['field'], 'currentValueThreshold');
    const configured = await run(admin, CONFIGURE, { input: { currentValueThreshold: 50 } });
    assert.deepEqual(configured.data?.['configureValueSegments'], { segmented: 3, settings: { currentValueThreshold: 50, potentialValueThreshold: null } });
    const summary = (await run(token, SUMMARY)).data?.['segmentSummary'];
    assert.deepEqual(summary.find((row: any) => row.quadrant === 'PROTECT'), { quadrant: 'PROTECT', customers: 2, revenue: { amount: 600, currency: 'EUR' } });
  });
});
