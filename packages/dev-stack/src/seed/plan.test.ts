import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planSeed, summarisePlan } from './plan.js';

const asOf = new Date('2026-11-01T00:00:00Z');

describe('seed plan', () => {
  it('is the same tenant for the same seed, and another one for another seed', () => {
    const first = planSeed({ customers: 300, seed: 7, asOf });
    assert.deepEqual(planSeed({ customers: 300, seed: 7, asOf }), first);
    assert.notDeepEqual(planSeed({ customers: 300, seed: 8, asOf }).customers, first.customers);
  });

  it('gives every customer 1 to 5 contacts and keeps its history within the two years before asOf', () => {
    const plan = planSeed({ customers: 500, seed: 1, asOf });
    const start = asOf.getTime() - 730 * 86_400_000;
    for (const customer of plan.customers) {
      assert.ok(customer.contacts.length >= 1 && customer.contacts.length <= 5, `${customer.name}: ${customer.contacts.length} contacts`);
      for (const at of [...customer.interactions.map((i) => i.occurredAt), ...customer.orders.map((o) => o.placedAt)]) {
        const time = Date.parse(at);
        assert.ok(time >= start && time <= asOf.getTime(), `${customer.name}: ${at} outside the two years`);
      }
    }
  });

  it('creates each kind of record the issue asks for, late payments and churn included', () => {
    const summary = summarisePlan(planSeed({ customers: 1000, seed: 1, asOf }));
    for (const kind of ['contacts', 'interactions', 'leads', 'deals', 'orders', 'latePayments', 'subscriptions', 'churnedSubscriptions', 'tickets', 'ticketComments']) {
      assert.ok((summary[kind] ?? 0) > 0, `no ${kind}`);
    }
    assert.ok(summary['contacts']! > summary['customers']!, 'businesses have several contacts');
  });

  it('pays late orders after their due date and never before they were placed', () => {
    const plan = planSeed({ customers: 1000, seed: 3, asOf });
    const orders = plan.customers.flatMap((customer) => customer.orders);
    for (const order of orders) if (order.paidAt) assert.ok(order.paidAt >= order.placedAt);
    assert.ok(orders.some((order) => order.paidAt !== null && order.paidAt > order.dueAt));
  });
});
