import {
  CustomerCreatedV1,
  DealLostV1,
  DealStageChangedV1,
  DealWonV1,
  LeadConvertedV1,
  LeadCreatedV1,
  OrderPaidV1,
  OrderPlacedV1,
  SlaBreachedV1,
  SubscriptionChangedV1,
  SurveyAnsweredV1,
  TicketFirstRespondedV1,
  TicketOpenedV1,
} from '@rapport/events';
import type { EventPublisher } from '@rapport/test-kit';
import { seededRandom } from './churn-dataset.js';

/**
 * A generated tenant for comparing the rollups with the rows: customers with purchases over
 * 2024-2025 (some on one day, some a year apart, so purchase spells lapse and start again),
 * subscriptions overlapping purchases or not (started, grown, ended), survey answers, tickets
 * with first responses and SLA breaches, deals won, lost and open, leads converted or not.
 * Times fall anywhere in a day and on midnights, so that periods bounded inside a day and on
 * its edge both have facts to count. Deterministic for a seed.
 */
export interface RandomTenant {
  customerIds: string[];
  /** Instants that facts happen at: good period bounds. */
  instants: string[];
  counts: { orders: number; paid: number; movements: number; answers: number; tickets: number; responded: number; breaches: number; deals: number; closed: number; leads: number; converted: number };
}

const START = Date.parse('2024-01-01T00:00:00Z');
const SPAN = Date.parse('2026-01-01T00:00:00Z') - START;
const DAY = 86_400_000;

export async function publishRandomTenant(publisher: EventPublisher, tenantId: string, seed: number, customerCount = 30): Promise<RandomTenant> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '8';
    const text = hex.join('');
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  };
  const instants: string[] = [];
  // A third of the facts at midnight, the rest at any minute.
  const instant = (from = START, span = SPAN) => {
    const at = from + Math.floor(random() * span);
    const iso = new Date(random() < 1 / 3 ? at - (at % DAY) : at - (at % 60_000)).toISOString();
    instants.push(iso);
    return iso;
  };
  const later = (after: string, maxDays: number) => instant(Date.parse(after) + 60_000, maxDays * DAY);
  const customerIds = Array.from({ length: customerCount }, uuid);
  const product = uuid();
  const counts = { orders: 0, paid: 0, movements: 0, answers: 0, tickets: 0, responded: 0, breaches: 0, deals: 0, closed: 0, leads: 0, converted: 0 };

  await publisher.publish(
    CustomerCreatedV1,
    customerIds.map((customerId, index) => ({
      tenantId,
      customerId,
      payload: {
        name: `Customer ${index}`,
        kind: 'BUSINESS' as const,
        externalId: null,
        email: null,
        domain: null,
        industry: null,
        country: 'FR',
        lifecycleStage: 'ACQUISITION' as const,
        ownerId: null,
        tags: [],
        source: null,
        referredById: null,
        createdAt: '2023-12-01T00:00:00.000Z',
      },
    })),
  );

  const placed = [];
  const paid = [];
  for (const customerId of customerIds) {
    const orders = Math.floor(random() * 5);
    for (let n = 0; n < orders; n += 1) {
      const placedAt = instant();
      const total = `${10 + Math.floor(random() * 200)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`;
      const dueAt = random() < 0.5 ? null : later(placedAt, 30);
      const orderId = uuid();
      placed.push({
        tenantId,
        customerId,
        payload: { orderId, lines: [{ productId: product, sku: 'SKU', quantity: 1, unitPrice: total }], totalAmount: total, currency: 'EUR', placedAt, dueAt },
      });
      if (random() < 0.8) {
        paid.push({ tenantId, customerId, payload: { orderId, totalAmount: total, currency: 'EUR', paymentCount: 1, placedAt, dueAt, paidAt: later(placedAt, 60) } });
      }
    }
  }
  await publisher.publish(OrderPlacedV1, placed);
  await publisher.publish(OrderPaidV1, paid);
  counts.orders = placed.length;
  counts.paid = paid.length;

  // A subscription for a third of the customers: started, maybe grown, maybe ended.
  const movements = [];
  for (const customerId of customerIds.filter(() => random() < 1 / 3)) {
    const subscriptionId = uuid();
    const startedAt = instant();
    const grownAt = random() < 0.5 ? later(startedAt, 200) : null;
    const endedAt = random() < 0.5 ? later(grownAt ?? startedAt, 300) : null;
    const movement = (kind: 'NEW' | 'EXPANSION' | 'CHURN', occurredAt: string, before: number, after: number, ended: string | null) => ({
      tenantId,
      customerId,
      payload: {
        subscriptionId,
        productId: product,
        movement: kind,
        month: occurredAt.slice(0, 7),
        amount: `${after - before}.00`,
        subscriptionMrrBefore: `${before}.00`,
        subscriptionMrrAfter: `${after}.00`,
        customerMrrBefore: `${before}.00`,
        customerMrrAfter: `${after}.00`,
        currency: 'EUR',
        startedAt,
        endedAt: ended,
        occurredAt,
      },
    });
    movements.push(movement('NEW', startedAt, 0, 100, null));
    if (grownAt) movements.push(movement('EXPANSION', grownAt, 100, 150, null));
    if (endedAt) movements.push(movement('CHURN', endedAt, grownAt ? 150 : 100, 0, endedAt));
  }
  await publisher.publish(SubscriptionChangedV1, movements);
  counts.movements = movements.length;

  const answers = Array.from({ length: 60 }, () => {
    const kind = pick(['NPS', 'CSAT', 'CES'] as const);
    return {
      tenantId,
      customerId: pick(customerIds),
      payload: { invitationId: uuid(), responseId: uuid(), kind, score: kind === 'NPS' ? Math.floor(random() * 11) : 1 + Math.floor(random() * 5), trigger: 'TEST', answeredAt: instant() },
    };
  });
  await publisher.publish(SurveyAnsweredV1, answers);
  counts.answers = answers.length;

  const tickets = Array.from({ length: 30 }, () => ({ ticketId: uuid(), customerId: pick(customerIds), openedAt: instant() }));
  await publisher.publish(
    TicketOpenedV1,
    tickets.map((ticket) => ({
      tenantId,
      customerId: ticket.customerId,
      payload: { ticketId: ticket.ticketId, priority: 'HIGH' as const, channel: 'email', status: 'NEW' as const, openedBy: null, openedAt: ticket.openedAt },
    })),
  );
  const responded = tickets.filter(() => random() < 0.8);
  await publisher.publish(
    TicketFirstRespondedV1,
    responded.map((ticket) => ({
      tenantId,
      customerId: ticket.customerId,
      payload: { ticketId: ticket.ticketId, priority: 'HIGH' as const, responderId: product, openedAt: ticket.openedAt, respondedAt: later(ticket.openedAt, 3) },
    })),
  );
  const breached = tickets.filter(() => random() < 0.3);
  await publisher.publish(
    SlaBreachedV1,
    breached.map((ticket) => ({
      tenantId,
      customerId: ticket.customerId,
      payload: { ticketId: ticket.ticketId, target: 'RESOLUTION' as const, priority: 'HIGH' as const, targetMinutes: 480, dueAt: ticket.openedAt, detectedAt: later(ticket.openedAt, 2) },
    })),
  );
  Object.assign(counts, { tickets: tickets.length, responded: responded.length, breaches: breached.length });

  const pipelineId = uuid();
  const stageId = uuid();
  const deals = Array.from({ length: 20 }, () => {
    const createdAt = instant();
    return {
      customerId: pick(customerIds),
      facts: {
        dealId: uuid(),
        title: 'Deal',
        amount: `${100 * (1 + Math.floor(random() * 50))}.00`,
        currency: 'EUR',
        pipelineId,
        ownerId: null,
        expectedCloseAt: null,
        createdAt,
      },
      outcome: pick(['WON', 'LOST', 'OPEN'] as const),
    };
  });
  await publisher.publish(
    DealStageChangedV1,
    deals.map((deal) => ({
      tenantId,
      customerId: deal.customerId,
      payload: { ...deal.facts, fromStageId: null, toStageId: stageId, toStageName: 'Qualify', probability: 0.5, changedAt: deal.facts.createdAt },
    })),
  );
  const won = deals.filter((deal) => deal.outcome === 'WON');
  const lost = deals.filter((deal) => deal.outcome === 'LOST');
  await publisher.publish(DealWonV1, won.map((deal) => ({ tenantId, customerId: deal.customerId, payload: { ...deal.facts, stageId, closedAt: later(deal.facts.createdAt, 120) } })));
  await publisher.publish(
    DealLostV1,
    lost.map((deal) => ({ tenantId, customerId: deal.customerId, payload: { ...deal.facts, stageId, reason: 'price', closedAt: later(deal.facts.createdAt, 120) } })),
  );
  Object.assign(counts, { deals: deals.length, closed: won.length + lost.length });

  const leads = Array.from({ length: 30 }, () => ({
    leadId: uuid(),
    name: 'Lead',
    email: null,
    company: null,
    country: null,
    industry: null,
    source: 'web',
    campaignId: null,
    createdAt: instant(),
  }));
  await publisher.publish(
    LeadCreatedV1,
    leads.map((facts) => ({ tenantId, customerId: facts.leadId, payload: { ...facts, status: 'NEW' as const, assigneeId: null, routingRuleId: null } })),
  );
  const converted = leads.filter(() => random() < 0.4);
  await publisher.publish(
    LeadConvertedV1,
    converted.map((facts) => ({
      tenantId,
      customerId: pick(customerIds),
      payload: { ...facts, createCustomer: false, assigneeId: null, convertedAt: later(facts.createdAt, 60), secondsToConvert: 0 },
    })),
  );
  Object.assign(counts, { leads: leads.length, converted: converted.length });

  return { customerIds, instants, counts };
}

/** Waits until the read models hold every event of the generated tenant. */
export async function waitForRandomTenant(query: (sql: string, parameters: unknown[]) => Promise<any[]>, tenantId: string, expected: RandomTenant['counts']): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const [row] = await query(
      `SELECT (SELECT count(*) FROM orders WHERE tenant_id = $1 AND placed_seen)::int AS orders,
              (SELECT count(*) FROM orders WHERE tenant_id = $1 AND paid_at IS NOT NULL)::int AS paid,
              (SELECT count(*) FROM mrr_movements WHERE tenant_id = $1)::int AS movements,
              (SELECT count(*) FROM survey_answers WHERE tenant_id = $1)::int AS answers,
              (SELECT count(*) FROM tickets WHERE tenant_id = $1)::int AS tickets,
              (SELECT count(*) FROM tickets WHERE tenant_id = $1 AND first_response_at IS NOT NULL)::int AS responded,
              (SELECT count(*) FROM sla_breaches WHERE tenant_id = $1)::int AS breaches,
              (SELECT count(*) FROM deals WHERE tenant_id = $1)::int AS deals,
              (SELECT count(*) FROM deals WHERE tenant_id = $1 AND closed_at IS NOT NULL)::int AS closed,
              (SELECT count(*) FROM leads WHERE tenant_id = $1)::int AS leads,
              (SELECT count(*) FROM leads WHERE tenant_id = $1 AND converted_at IS NOT NULL)::int AS converted`,
      [tenantId],
    );
    if (JSON.stringify(row) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) throw new Error(`read models incomplete: ${JSON.stringify(row)} of ${JSON.stringify(expected)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
