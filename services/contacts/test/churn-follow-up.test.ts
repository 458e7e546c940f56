import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ChurnRiskChangedV1, type PayloadOf } from '@rapport/events';
import { createEventPublisher, createTestTenant, type EventPublisher } from '@rapport/test-kit';
import { createCustomer, startContacts, type ContactsUnderTest } from './support/service.js';

let contacts: ContactsUnderTest;
let publisher: EventPublisher;

before(async () => {
  [contacts, publisher] = await Promise.all([startContacts(), createEventPublisher()]);
});
after(async () => {
  await publisher.stop();
  await contacts.stop();
});

type Level = PayloadOf<typeof ChurnRiskChangedV1>['level'];

const change = (previousLevel: Level | null, level: Level, score: number): PayloadOf<typeof ChurnRiskChangedV1> => ({
  previousLevel,
  level,
  score,
  signals:
    level === 'HIGH'
      ? [
          { name: 'FALLING_USAGE', weight: 25, detail: 'usage 0.5/week in the last 4 weeks vs 5.0/week in the 8 before (-90%)' },
          { name: 'LATE_PAYMENTS', weight: 20, detail: '2 orders overdue and unpaid, 0 paid late, of 2 due in 180 days' },
        ]
      : [],
  asOf: new Date().toISOString(),
});

const TASKS = /* GraphQL */ `query($id: ID!) { customer(id: $id) { tasks { title status assigneeId reason dueAt } } }`;

/** Waits until contacts has applied the customer's latest event: the level it last heard. */
async function heardLevel(tenantId: string, customerId: string, level: Level, score: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [row] = await contacts.service.dataSource.query(`SELECT level, score FROM churn_follow_ups WHERE tenant_id = $1 AND customer_id = $2`, [
      tenantId,
      customerId,
    ]);
    if (row?.level === level && row?.score === score) return;
    if (Date.now() > deadline) assert.fail(`contacts never heard ${level} ${score}: ${JSON.stringify(row)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('contacts: churn risk follow-up', () => {
  it('creates one task for the owner per HIGH episode, whatever the redeliveries and repeated HIGHs', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const ownerId = randomUUID();
    const customer = await createCustomer(contacts, token, { name: 'Fading Ltd', kind: 'BUSINESS', ownerId });
    const publish = (payload: PayloadOf<typeof ChurnRiskChangedV1>) =>
      publisher.publish(ChurnRiskChangedV1, [{ tenantId: tenant.tenantId, customerId: customer.id, payload }]);

    const [rise] = await publish(change('MEDIUM', 'HIGH', 61.5));
    await heardLevel(tenant.tenantId, customer.id, 'HIGH', 61.5);
    // The same event again (a relay retry) and a second HIGH in the same episode.
    await publisher.republish(ChurnRiskChangedV1.topic, [rise!]);
    await publish(change('HIGH', 'HIGH', 70));
    await heardLevel(tenant.tenantId, customer.id, 'HIGH', 70);

    let tasks = (await contacts.ok(token, TASKS, { id: customer.id }))['customer'].tasks as Record<string, any>[];
    assert.equal(tasks.length, 1, JSON.stringify(tasks));
    assert.equal(tasks[0]!['assigneeId'], ownerId);
    assert.equal(tasks[0]!['status'], 'OPEN');
    assert.match(tasks[0]!['reason'], /score 61\.5\/100; FALLING_USAGE \(25 pts\): usage 0\.5\/week.*; LATE_PAYMENTS \(20 pts\): 2 orders overdue/);
    assert.ok(tasks[0]!['dueAt'], 'the follow-up has a due date');

    // Down to MEDIUM and back up: a new episode, a new task.
    await publish(change('HIGH', 'MEDIUM', 35));
    await publish(change('MEDIUM', 'HIGH', 55));
    await heardLevel(tenant.tenantId, customer.id, 'HIGH', 55);
    tasks = (await contacts.ok(token, TASKS, { id: customer.id }))['customer'].tasks as Record<string, any>[];
    assert.equal(tasks.length, 2, JSON.stringify(tasks));
    assert.match(tasks[1]!['reason'], /score 55\/100/);
  });

  it('creates no task for a rise to MEDIUM, nor for a customer of another tenant', async () => {
    const tenant = createTestTenant();
    const other = createTestTenant();
    const token = await tenant.token(['sales']);
    const customer = await createCustomer(contacts, token, { name: 'Wobbly Inc', kind: 'BUSINESS' });
    await publisher.publish(ChurnRiskChangedV1, [
      { tenantId: other.tenantId, customerId: customer.id, payload: change(null, 'HIGH', 80) },
      { tenantId: tenant.tenantId, customerId: customer.id, payload: change('LOW', 'MEDIUM', 30) },
    ]);
    await heardLevel(tenant.tenantId, customer.id, 'MEDIUM', 30);
    const tasks = (await contacts.ok(token, TASKS, { id: customer.id }))['customer'].tasks as unknown[];
    assert.deepEqual(tasks, []);
    const [row] = await contacts.service.dataSource.query(`SELECT count(*)::int AS n FROM churn_follow_ups WHERE tenant_id = $1`, [other.tenantId]);
    assert.equal(row.n, 0);
  });
});
