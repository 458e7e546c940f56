import { randomUUID } from 'node:crypto';
import {
  CampaignSpendRecordedV1,
  CustomerCreatedV1,
  CustomerErasedV1,
  DealLostV1,
  DealStageChangedV1,
  DealWonV1,
  InteractionRecordedV1,
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
import type { EventPublisher, PublishedEnvelope } from '@rapport/test-kit';

/**
 * A small tenant whose every KPI is computed by hand in kpis.test.ts. All times are UTC; the
 * period under test is Q1 2025, [2025-01-01, 2025-04-01).
 *
 * Customers: c1 bought 2024-06-10 and 2025-02-01 (paid late); c2 bought once 2024-03-01;
 * c3 bought 2025-01-15 and 2025-01-25; c4 bought 2025-03-10; c5 subscribes since 2024-12-01
 * (MRR 100, 150 from 2025-02-10); c6 subscribed 2024-11-01 (MRR 50) and churned 2025-03-05.
 */
export function kpiFixture() {
  const id = () => randomUUID();
  const customers = { c1: id(), c2: id(), c3: id(), c4: id(), c5: id(), c6: id(), c7: id() };
  const products = { A: id(), B: id(), C: id() };
  const pipelineId = id();
  const stages = { qualify: id(), propose: id(), negotiate: id() };
  const owners = { o1: id(), o2: id() };
  const campaignId = id();
  const deals = { d1: id(), d2: id(), d3: id(), d4: id(), d5: id(), d6: id() };
  const leads = { l0: id(), l1: id(), l2: id(), l3: id() };
  return { customers, products, pipelineId, stages, owners, campaignId, deals, leads };
}

export type KpiFixture = ReturnType<typeof kpiFixture>;

const at = (day: string, time = '12:00:00') => `${day}T${time}.000Z`;

/** Publishes the fixture's events as their producers would; returns them for a redelivery. */
export async function publishKpiFixture(publisher: EventPublisher, tenantId: string, f: KpiFixture): Promise<{ orders: PublishedEnvelope<unknown>[] }> {
  const { customers: c, products: p, stages: s, deals: d, leads: l, owners: o } = f;

  await publisher.publish(
    CustomerCreatedV1,
    Object.entries(c).map(([key, customerId]) => ({
      tenantId,
      customerId,
      payload: {
        name: `Customer ${key}`,
        kind: 'BUSINESS' as const,
        externalId: null,
        email: null,
        domain: null,
        industry: null,
        country: 'FR',
        lifecycleStage: 'ACQUISITION' as const,
        ownerId: null,
        tags: [],
        source: key === 'c4' ? 'ads' : null,
        referredById: key === 'c4' ? c.c3 : null,
        createdAt: at('2024-01-01'),
      },
    })),
  );

  const order = (customerId: string, placed: string, lines: { product: string; quantity: number; unitPrice: string }[], total: string, due: string | null = null) => ({
    tenantId,
    customerId,
    payload: {
      orderId: randomUUID(),
      lines: lines.map((line) => ({ productId: line.product, sku: 'SKU', quantity: line.quantity, unitPrice: line.unitPrice })),
      totalAmount: total,
      currency: 'EUR',
      placedAt: at(placed),
      dueAt: due === null ? null : at(due),
    },
  });
  const placed = [
    order(c.c1, '2024-06-10', [{ product: p.A, quantity: 1, unitPrice: '100.00' }], '100.00'),
    order(c.c1, '2025-02-01', [{ product: p.B, quantity: 1, unitPrice: '50.00' }], '50.00', '2025-02-15'),
    order(c.c2, '2024-03-01', [{ product: p.A, quantity: 2, unitPrice: '100.00' }], '200.00'),
    order(c.c3, '2025-01-15', [{ product: p.A, quantity: 1, unitPrice: '80.00' }], '80.00'),
    order(c.c3, '2025-01-25', [
      { product: p.B, quantity: 1, unitPrice: '10.00' },
      { product: p.C, quantity: 1, unitPrice: '10.00' },
    ], '20.00'),
    order(c.c4, '2025-03-10', [{ product: p.C, quantity: 1, unitPrice: '40.00' }], '40.00'),
  ];
  const orders = await publisher.publish(OrderPlacedV1, placed);
  const paidOn = ['2024-06-10', '2025-02-20', '2024-03-01', '2025-01-15', '2025-01-26', '2025-03-10'];
  await publisher.publish(
    OrderPaidV1,
    placed.map((event, index) => ({
      tenantId,
      customerId: event.customerId,
      payload: {
        orderId: event.payload.orderId,
        totalAmount: event.payload.totalAmount,
        currency: 'EUR',
        paymentCount: 1,
        placedAt: event.payload.placedAt,
        dueAt: event.payload.dueAt,
        paidAt: at(paidOn[index]!),
      },
    })),
  );

  const subscriptionOf = { c5: randomUUID(), c6: randomUUID() };
  const movement = (customer: 'c5' | 'c6', kind: 'NEW' | 'EXPANSION' | 'CHURN', day: string, amount: string, before: string, after: string, ended: string | null) => ({
    tenantId,
    customerId: c[customer],
    payload: {
      subscriptionId: subscriptionOf[customer],
      productId: p.A,
      movement: kind,
      month: day.slice(0, 7),
      amount,
      subscriptionMrrBefore: before,
      subscriptionMrrAfter: after,
      customerMrrBefore: before,
      customerMrrAfter: after,
      currency: 'EUR',
      startedAt: at(customer === 'c5' ? '2024-12-01' : '2024-11-01'),
      endedAt: ended === null ? null : at(ended),
      occurredAt: at(day),
    },
  });
  await publisher.publish(SubscriptionChangedV1, [
    movement('c6', 'NEW', '2024-11-01', '50.00', '0.00', '50.00', null),
    movement('c5', 'NEW', '2024-12-01', '100.00', '0.00', '100.00', null),
    movement('c5', 'EXPANSION', '2025-02-10', '50.00', '100.00', '150.00', null),
    movement('c6', 'CHURN', '2025-03-05', '-50.00', '50.00', '0.00', '2025-03-05'),
  ]);

  const answer = (customerId: string, kind: 'NPS' | 'CSAT' | 'CES', score: number, day: string) => ({
    tenantId,
    customerId,
    payload: { invitationId: randomUUID(), responseId: randomUUID(), kind, score, trigger: 'TEST', answeredAt: at(day) },
  });
  await publisher.publish(SurveyAnsweredV1, [
    answer(c.c1, 'NPS', 10, '2025-01-05'),
    answer(c.c2, 'NPS', 9, '2025-01-06'),
    answer(c.c3, 'NPS', 7, '2025-02-07'),
    answer(c.c4, 'NPS', 3, '2025-03-08'),
    answer(c.c1, 'NPS', 0, '2024-12-20'),
    answer(c.c1, 'CSAT', 5, '2025-01-09'),
    answer(c.c2, 'CSAT', 4, '2025-02-09'),
    answer(c.c3, 'CSAT', 2, '2025-03-09'),
    answer(c.c1, 'CES', 2, '2025-01-10'),
    answer(c.c2, 'CES', 3, '2025-02-10'),
  ]);

  const tickets = { t0: randomUUID(), t1: randomUUID(), t2: randomUUID(), t3: randomUUID(), t4: randomUUID() };
  const opened = (ticket: keyof typeof tickets, customerId: string, openedAt: string) => ({
    tenantId,
    customerId,
    payload: { ticketId: tickets[ticket], priority: 'HIGH' as const, channel: 'email', status: 'NEW' as const, openedBy: null, openedAt },
  });
  await publisher.publish(TicketOpenedV1, [
    opened('t0', c.c1, '2024-12-15T09:00:00.000Z'),
    opened('t1', c.c1, '2025-01-10T09:00:00.000Z'),
    opened('t2', c.c2, '2025-02-01T10:00:00.000Z'),
    opened('t3', c.c3, '2025-03-01T08:00:00.000Z'),
    opened('t4', c.c4, '2025-03-20T08:00:00.000Z'),
  ]);
  const responded = (ticket: keyof typeof tickets, customerId: string, openedAt: string, respondedAt: string) => ({
    tenantId,
    customerId,
    payload: { ticketId: tickets[ticket], priority: 'HIGH' as const, responderId: o.o1, openedAt, respondedAt },
  });
  await publisher.publish(TicketFirstRespondedV1, [
    responded('t0', c.c1, '2024-12-15T09:00:00.000Z', '2024-12-15T19:00:00.000Z'),
    responded('t1', c.c1, '2025-01-10T09:00:00.000Z', '2025-01-10T09:30:00.000Z'),
    responded('t2', c.c2, '2025-02-01T10:00:00.000Z', '2025-02-01T12:00:00.000Z'),
    responded('t3', c.c3, '2025-03-01T08:00:00.000Z', '2025-03-01T08:10:00.000Z'),
  ]);
  await publisher.publish(SlaBreachedV1, [
    {
      tenantId,
      customerId: c.c1,
      payload: { ticketId: tickets.t1, target: 'RESOLUTION', priority: 'HIGH', targetMinutes: 480, dueAt: '2025-01-10T17:00:00.000Z', detectedAt: '2025-01-11T09:00:00.000Z' },
    },
  ]);

  await publisher.publish(CampaignSpendRecordedV1, [
    {
      tenantId,
      customerId: f.campaignId,
      payload: { campaignId: f.campaignId, name: 'Spring', channel: 'ads', amount: '600.00', currency: 'EUR', periodStart: at('2025-01-01', '00:00:00'), periodEnd: at('2025-04-01', '00:00:00'), totalSpend: '600.00' },
    },
    {
      tenantId,
      customerId: f.campaignId,
      payload: { campaignId: f.campaignId, name: 'Spring', channel: 'ads', amount: '200.00', currency: 'EUR', periodStart: at('2025-03-22', '00:00:00'), periodEnd: at('2025-04-11', '00:00:00'), totalSpend: '800.00' },
    },
  ]);

  const lead = (leadId: string, source: string | null, campaignId: string | null, created: string) => ({
    leadId,
    name: 'Lead',
    email: null,
    company: null,
    country: null,
    industry: null,
    source,
    campaignId,
    createdAt: at(created),
  });
  const leadFacts = {
    l0: lead(l.l0, null, f.campaignId, '2024-12-01'),
    l1: lead(l.l1, 'web', null, '2025-01-10'),
    l2: lead(l.l2, null, f.campaignId, '2025-02-10'),
    l3: lead(l.l3, 'referral', null, '2025-03-10'),
  };
  await publisher.publish(
    LeadCreatedV1,
    Object.values(leadFacts).map((facts) => ({ tenantId, customerId: facts.leadId, payload: { ...facts, status: 'NEW' as const, assigneeId: null, routingRuleId: null } })),
  );
  const converted = (facts: (typeof leadFacts)['l0'], customerId: string, day: string) => ({
    tenantId,
    customerId,
    payload: { ...facts, createCustomer: false, assigneeId: null, convertedAt: at(day), secondsToConvert: 0 },
  });
  await publisher.publish(LeadConvertedV1, [
    converted(leadFacts.l0, c.c4, '2025-01-05'),
    converted(leadFacts.l1, c.c3, '2025-01-20'),
    converted(leadFacts.l2, c.c7, '2025-04-10'),
  ]);

  // Deals: stage history in one pipeline of three stages (probabilities 0.1, 0.5, 0.8).
  const stageInfo = { qualify: ['Qualify', 0.1], propose: ['Propose', 0.5], negotiate: ['Negotiate', 0.8] } as const;
  const dealFacts = {
    d1: { customer: c.c1, owner: o.o1, amount: '1000.00', created: '2024-12-01', expected: null },
    d2: { customer: c.c3, owner: o.o1, amount: '3000.00', created: '2025-01-05', expected: null },
    d3: { customer: c.c2, owner: o.o2, amount: '700.00', created: '2025-01-10', expected: null },
    d4: { customer: c.c5, owner: o.o2, amount: '2000.00', created: '2025-02-01', expected: '2025-05-15' },
    d5: { customer: c.c6, owner: o.o2, amount: '500.00', created: '2025-03-01', expected: null },
    d6: { customer: c.c1, owner: o.o1, amount: '800.00', created: '2025-01-01', expected: '2025-04-30' },
  } as const;
  const facts = (deal: keyof typeof dealFacts) => ({
    dealId: d[deal],
    title: 'Deal',
    amount: dealFacts[deal].amount,
    currency: 'EUR',
    pipelineId: f.pipelineId,
    ownerId: dealFacts[deal].owner,
    expectedCloseAt: dealFacts[deal].expected === null ? null : at(dealFacts[deal].expected!),
    createdAt: at(dealFacts[deal].created),
  });
  const enter = (deal: keyof typeof dealFacts, stage: keyof typeof s, from: keyof typeof s | null, day: string) => ({
    tenantId,
    customerId: dealFacts[deal].customer,
    payload: {
      ...facts(deal),
      fromStageId: from === null ? null : s[from],
      toStageId: s[stage],
      toStageName: stageInfo[stage][0],
      probability: stageInfo[stage][1],
      changedAt: at(day),
    },
  });
  await publisher.publish(DealStageChangedV1, [
    enter('d1', 'qualify', null, '2024-12-01'),
    enter('d1', 'propose', 'qualify', '2024-12-11'),
    enter('d1', 'negotiate', 'propose', '2025-01-10'),
    enter('d2', 'qualify', null, '2025-01-05'),
    enter('d2', 'negotiate', 'qualify', '2025-01-15'),
    enter('d3', 'qualify', null, '2025-01-10'),
    enter('d3', 'propose', 'qualify', '2025-01-20'),
    enter('d4', 'qualify', null, '2025-02-01'),
    enter('d4', 'propose', 'qualify', '2025-02-11'),
    enter('d5', 'qualify', null, '2025-03-01'),
    enter('d6', 'qualify', null, '2025-01-01'),
    enter('d6', 'negotiate', 'qualify', '2025-03-01'),
  ]);
  await publisher.publish(DealWonV1, [
    { tenantId, customerId: c.c1, payload: { ...facts('d1'), stageId: s.negotiate, closedAt: at('2025-01-31') } },
    { tenantId, customerId: c.c3, payload: { ...facts('d2'), stageId: s.negotiate, closedAt: at('2025-02-04') } },
    { tenantId, customerId: c.c1, payload: { ...facts('d6'), stageId: s.negotiate, closedAt: at('2025-04-15') } },
  ]);
  await publisher.publish(DealLostV1, [{ tenantId, customerId: c.c2, payload: { ...facts('d3'), stageId: s.propose, reason: 'price', closedAt: at('2025-03-01') } }]);

  const usage = (customerId: string, feature: string, day: string) => ({
    tenantId,
    customerId,
    payload: { interactionId: randomUUID(), kind: 'PRODUCT_USAGE' as const, feature, memberId: null, occurredAt: at(day) },
  });
  await publisher.publish(InteractionRecordedV1, [
    usage(c.c1, 'reports', '2024-06-20'),
    usage(c.c1, 'reports', '2024-06-21'),
    usage(c.c3, 'reports', '2025-01-20'),
    usage(c.c4, 'export', '2025-03-11'),
    usage(c.c4, 'reports', '2025-05-01'),
  ]);
  await publisher.publish(CustomerErasedV1, [{ tenantId, customerId: c.c2, payload: { erasedAt: at('2025-06-01') } }]);
  return { orders };
}

/** Read-model row counts once every fixture event has been applied. */
export const FIXTURE_COUNTS = {
  customers: 7,
  orders: 6,
  paid: 6,
  mrr_movements: 4,
  survey_answers: 10,
  tickets: 5,
  responded: 4,
  sla_breaches: 1,
  campaign_spend: 2,
  leads: 4,
  converted: 3,
  stage_entries: 12,
  closed: 4,
  usage: 5,
  erased: 1,
};

export async function readModelCounts(query: (sql: string, parameters: unknown[]) => Promise<any[]>, tenantId: string): Promise<typeof FIXTURE_COUNTS> {
  const [row] = await query(
    `SELECT (SELECT count(*) FROM customers WHERE tenant_id = $1 AND kind IS NOT NULL)::int AS customers,
            (SELECT count(*) FROM orders WHERE tenant_id = $1 AND placed_seen)::int AS orders,
            (SELECT count(*) FROM orders WHERE tenant_id = $1 AND paid_at IS NOT NULL)::int AS paid,
            (SELECT count(*) FROM mrr_movements WHERE tenant_id = $1)::int AS mrr_movements,
            (SELECT count(*) FROM survey_answers WHERE tenant_id = $1)::int AS survey_answers,
            (SELECT count(*) FROM tickets WHERE tenant_id = $1)::int AS tickets,
            (SELECT count(*) FROM tickets WHERE tenant_id = $1 AND first_response_at IS NOT NULL)::int AS responded,
            (SELECT count(*) FROM sla_breaches WHERE tenant_id = $1)::int AS sla_breaches,
            (SELECT count(*) FROM campaign_spend WHERE tenant_id = $1)::int AS campaign_spend,
            (SELECT count(*) FROM leads WHERE tenant_id = $1)::int AS leads,
            (SELECT count(*) FROM leads WHERE tenant_id = $1 AND converted_at IS NOT NULL)::int AS converted,
            (SELECT count(*) FROM deal_stage_history WHERE tenant_id = $1)::int AS stage_entries,
            (SELECT count(*) FROM deals WHERE tenant_id = $1 AND closed_at IS NOT NULL)::int AS closed,
            (SELECT coalesce(sum(interactions), 0) FROM usage_weeks WHERE tenant_id = $1)::int AS usage,
            (SELECT count(*) FROM customers WHERE tenant_id = $1 AND erased_at IS NOT NULL)::int AS erased`,
    [tenantId],
  );
  return row;
}

/** Waits until the read models hold the whole fixture (events travel on nine topics, in no common order). */
export async function waitForFixture(query: (sql: string, parameters: unknown[]) => Promise<any[]>, tenantId: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const counts = await readModelCounts(query, tenantId);
    if (JSON.stringify(counts) === JSON.stringify(FIXTURE_COUNTS)) return;
    if (Date.now() > deadline) throw new Error(`read models incomplete: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
