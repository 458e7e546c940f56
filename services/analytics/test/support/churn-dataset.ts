import {
  CustomerCreatedV1,
  InteractionRecordedV1,
  OrderPaidV1,
  OrderPlacedV1,
  SlaBreachedV1,
  SurveyAnsweredV1,
  TicketOpenedV1,
  TicketResolvedV1,
  type EventDefinition,
  type PayloadOf,
} from '@rapport/events';

/**
 * A generated tenant for the churn acceptance test: `customers` customers, a known tenth of
 * whom churn in the last four weeks (usage falls, payments go late, tickets pile up, with some
 * churners missing one of the three), and the rest behaving normally with realistic noise (week
 * to week swings, a quiet week, the odd late payment, an open ticket, a lukewarm answer).
 * Deterministic for a seed; times are relative to `reference`.
 */

export interface GeneratedEvent<Definition extends EventDefinition = EventDefinition> {
  definition: Definition;
  customerId: string;
  payload: PayloadOf<Definition>;
}

export interface ChurnDataset {
  customerIds: string[];
  churners: Set<string>;
  events: GeneratedEvent[];
  counts: { customers: number; interactions: number; orders: number; payments: number; tickets: number; answers: number };
}

/** mulberry32: a small seeded PRNG, so every run generates the same customers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

function poisson(random: () => number, mean: number): number {
  // Knuth's method: fine for the small means used here.
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count += 1;
    product *= random();
  }
  return count;
}

function weekStart(instant: Date): Date {
  const day = instant.getUTCDay();
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate() - ((day + 6) % 7)));
}

export function generateChurnDataset(options: { seed: number; customers: number; reference: Date }): ChurnDataset {
  // One stream per customer, and one more for the week under way, whose length depends on the
  // weekday of the reference time: the same seed then gives the same customers on any day.
  let random = seededRandom(options.seed);
  const uniform = (low: number, high: number) => low + (high - low) * random();
  const chance = (probability: number) => random() < probability;
  const at = (ms: number) => new Date(Math.min(ms, options.reference.getTime() - 60_000)).toISOString();
  const reference = options.reference.getTime();
  const thisWeek = weekStart(options.reference).getTime();
  const events: GeneratedEvent[] = [];
  const push = <Definition extends EventDefinition>(definition: Definition, customerId: string, payload: PayloadOf<Definition>) =>
    events.push({ definition, customerId, payload } as GeneratedEvent);
  const counts = { customers: 0, interactions: 0, orders: 0, payments: 0, tickets: 0, answers: 0 };
  const customerIds: string[] = [];
  const churners = new Set<string>();
  const churnerCount = Math.round(options.customers / 10);
  const productId = uuidFrom(random);

  for (let index = 0; index < options.customers; index += 1) {
    random = seededRandom(options.seed * 7919 + index);
    const thisWeeksRandom = seededRandom(options.seed * 7919 + index + 1_000_003);
    const customerId = uuidFrom(random);
    customerIds.push(customerId);
    // Spread the churners through the list rather than first or last.
    const churns = index % 10 === 3 && churners.size < churnerCount;
    if (churns) churners.add(customerId);
    // Churners show falling usage always; late payments and piling tickets each most of the time.
    const churnsByPayments = churns && chance(0.85);
    const churnsByTickets = churns && chance(0.85);

    push(CustomerCreatedV1, customerId, {
      name: `Generated ${index}`,
      kind: 'BUSINESS',
      externalId: `gen-${index}`,
      email: null,
      domain: null,
      industry: null,
      country: 'DE',
      lifecycleStage: 'RETENTION',
      ownerId: null,
      tags: [],
      source: 'organic',
      createdAt: new Date(reference - 200 * DAY_MS).toISOString(),
    });
    counts.customers += 1;

    // Usage: 12 complete weeks plus the week under way. Normal customers swing +-30% a week,
    // have a quiet week now and then, and one in seven dips by up to a third lately.
    const rate = uniform(2, 6);
    const dips = !churns && chance(1 / 7);
    const churnFactor = uniform(0.05, 0.35);
    for (let weeksAgo = 12; weeksAgo >= 0; weeksAgo -= 1) {
      const start = thisWeek - weeksAgo * WEEK_MS;
      let mean = rate * uniform(0.7, 1.3);
      if (chance(0.05)) mean = 0;
      if (weeksAgo <= 4 && churns) mean = rate * churnFactor;
      if (weeksAgo <= 4 && dips) mean *= uniform(0.67, 0.9);
      const span = weeksAgo === 0 ? Math.max(0, reference - start) : WEEK_MS;
      const stream = weeksAgo === 0 ? thisWeeksRandom : random;
      const uses = poisson(stream, weeksAgo === 0 ? (mean * span) / WEEK_MS : mean);
      for (let use = 0; use < uses; use += 1) {
        push(InteractionRecordedV1, customerId, {
          interactionId: uuidFrom(stream),
          kind: stream() < 0.7 ? 'PRODUCT_USAGE' : 'LOGIN',
          feature: stream() < 0.5 ? 'reports' : 'dashboard',
          memberId: null,
          occurredAt: at(start + stream() * span),
        });
        counts.interactions += 1;
      }
    }
    // Normal customers also talk to their account manager now and then.
    if (!churns && chance(0.6)) {
      push(InteractionRecordedV1, customerId, {
        interactionId: uuidFrom(random),
        kind: chance(0.5) ? 'EMAIL' : 'CALL',
        feature: null,
        memberId: null,
        occurredAt: at(reference - uniform(0.5, 10) * DAY_MS),
      });
      counts.interactions += 1;
    }

    // Monthly orders due 14 days after placing. Normal customers pay on time, one in ten pays
    // one order a few days late; a churner leaves its latest orders unpaid past due.
    const lateOnce = !churns && chance(0.1);
    const orderDays = [115, 85, 55, 25].map((days) => days + uniform(-3, 3));
    orderDays.forEach((daysAgo, position) => {
      const orderId = uuidFrom(random);
      const placedAt = reference - daysAgo * DAY_MS;
      const dueAt = placedAt + 14 * DAY_MS;
      const amount = `${Math.round(uniform(80, 400))}.00`;
      push(OrderPlacedV1, customerId, {
        orderId,
        lines: [{ productId, sku: 'PLAN', quantity: 1, unitPrice: amount }],
        totalAmount: amount,
        currency: 'EUR',
        placedAt: at(placedAt),
        dueAt: at(dueAt),
      });
      counts.orders += 1;
      const latest = position >= orderDays.length - 2;
      let paidAt: number | null = dueAt - uniform(0, 10) * DAY_MS;
      if (churnsByPayments && latest) paidAt = position === orderDays.length - 1 || chance(0.5) ? null : dueAt + uniform(10, 25) * DAY_MS;
      if (lateOnce && position === 1) paidAt = dueAt + uniform(2, 8) * DAY_MS;
      if (paidAt !== null && paidAt < reference) {
        push(OrderPaidV1, customerId, {
          orderId,
          totalAmount: amount,
          currency: 'EUR',
          paymentCount: 1,
          placedAt: at(placedAt),
          dueAt: at(dueAt),
          paidAt: at(paidAt),
        });
        counts.payments += 1;
      }
    });

    // Tickets: most normal customers have one or two, resolved; a few have one still open.
    // A churner's pile up in the last weeks, some urgent, some past their SLA.
    const tickets: { priority: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT'; openedAt: number; resolved: boolean; breached: boolean }[] = [];
    for (let ticket = 0, total = poisson(random, 1); ticket < total; ticket += 1) {
      tickets.push({ priority: chance(0.1) ? 'HIGH' : 'NORMAL', openedAt: reference - uniform(1, 80) * DAY_MS, resolved: chance(0.8), breached: chance(0.05) });
    }
    if (churnsByTickets) {
      for (let ticket = 0, total = 2 + Math.floor(uniform(0, 3)); ticket < total; ticket += 1) {
        tickets.push({
          priority: ticket === 0 ? 'URGENT' : chance(0.4) ? 'HIGH' : 'NORMAL',
          openedAt: reference - uniform(1, 30) * DAY_MS,
          resolved: false,
          breached: chance(0.5),
        });
      }
    }
    for (const ticket of tickets) {
      const ticketId = uuidFrom(random);
      push(TicketOpenedV1, customerId, { ticketId, priority: ticket.priority, channel: 'email', status: 'NEW', openedBy: null, openedAt: at(ticket.openedAt) });
      counts.tickets += 1;
      if (ticket.breached) {
        push(SlaBreachedV1, customerId, {
          ticketId,
          target: 'FIRST_RESPONSE',
          priority: ticket.priority,
          targetMinutes: 240,
          dueAt: at(ticket.openedAt + 4 * 3_600_000),
          detectedAt: at(ticket.openedAt + 5 * 3_600_000),
        });
      }
      if (ticket.resolved) {
        const resolvedAt = Math.min(reference - 60_000, ticket.openedAt + uniform(0.1, 3) * DAY_MS);
        push(TicketResolvedV1, customerId, {
          ticketId,
          priority: ticket.priority,
          resolvedBy: 'agent',
          openedAt: at(ticket.openedAt),
          firstResponseAt: at(ticket.openedAt + 3_600_000),
          resolvedAt: at(resolvedAt),
          reopenCount: 0,
          slaBreached: ticket.breached,
        });
      }
    }

    // Answers: mostly happy, some lukewarm, a few detractors among normal customers too.
    if (chance(0.5)) {
      const score = churns && chance(0.5) ? Math.floor(uniform(1, 3)) : chance(0.15) ? 3 : Math.floor(uniform(4, 6));
      push(SurveyAnsweredV1, customerId, {
        invitationId: uuidFrom(random),
        responseId: uuidFrom(random),
        kind: 'CSAT',
        score,
        trigger: 'TICKET_RESOLVED',
        answeredAt: at(reference - uniform(1, 60) * DAY_MS),
      });
      counts.answers += 1;
    }
    if (chance(0.3)) {
      push(SurveyAnsweredV1, customerId, {
        invitationId: uuidFrom(random),
        responseId: uuidFrom(random),
        kind: 'NPS',
        score: chance(0.1) ? Math.floor(uniform(4, 7)) : Math.floor(uniform(7, 11)),
        trigger: 'NINETY_DAYS_AFTER_FIRST_PURCHASE',
        answeredAt: at(reference - uniform(1, 90) * DAY_MS),
      });
      counts.answers += 1;
    }
  }
  return { customerIds, churners, events, counts };
}
