import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { contactsService } from '@rapport/contacts';
import { ChurnRiskChangedV1, InteractionRecordedV1, OrderPlacedV1, TicketOpenedV1, type EventDefinition, type EventEnvelope } from '@rapport/events';
import { executeAs, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createEventPublisher, createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl, type EventPublisher } from '@rapport/test-kit';
import type { AnalyticsContext } from '../src/context.js';
import { sweepChurnRisk } from '../src/modules/churn-risk/churn-risk.service.js';
import { analyticsService } from '../src/service.js';
import { generateChurnDataset, type GeneratedEvent } from './support/churn-dataset.js';

let analytics: RunningService<AnalyticsContext>;
let contacts: RunningService<any>;
let publisher: EventPublisher;

before(async () => {
  [analytics, contacts, publisher] = await Promise.all([
    startServiceForTest(analyticsService, { databaseUrl: testDatabaseUrl('analytics'), jwtSecret: TEST_JWT_SECRET }),
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
    const [row] = await analytics.dataSource.query(`SELECT count(*)::int AS applied FROM inbox WHERE consumer_group = 'analytics' AND event_id = ANY($1::uuid[])`, [ids]);
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
