import { Random } from './random.js';

/**
 * What the generator will create, decided before anything is sent: a pure function of the
 * seed, the size and the reference date, so two runs create the same tenant and a test can
 * check the shape without a server. References between records are plan indexes; the
 * runner maps them to the ids the services assign.
 */
export interface SeedOptions {
  customers: number;
  seed: number;
  /** The end of the two years of history; defaults to the start of the current month. */
  asOf: Date;
}

export interface PlannedMember {
  name: string;
  email: string;
  team: 'sales' | 'support' | 'marketing';
  territories: string[];
  skills: string[];
}
export interface PlannedProduct {
  sku: string;
  name: string;
  price: number;
  recurring: boolean;
}
export interface PlannedCampaign {
  name: string;
  channel: string;
  /** Spend per month, oldest first. */
  monthlySpend: { periodStart: string; periodEnd: string; amount: number }[];
}
export interface PlannedContact {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  title: string | null;
  emailConsent: boolean;
}
export interface PlannedInteraction {
  kind: 'EMAIL' | 'CALL' | 'MEETING' | 'NOTE' | 'LOGIN' | 'PRODUCT_USAGE';
  occurredAt: string;
  summary: string | null;
  feature: string | null;
}
export interface PlannedDeal {
  title: string;
  amount: number;
  owner: number;
  expectedCloseAt: string;
  /** Stage positions moved to after creation, in order (the deal starts in the first stage). */
  moves: number[];
  outcome: 'OPEN' | 'WON' | 'LOST';
  lostReason: string | null;
}
export interface PlannedOrder {
  placedAt: string;
  dueAt: string;
  lines: { product: number; quantity: number }[];
  /** Paid in full at this date (after dueAt when late), or never. */
  paidAt: string | null;
}
export interface PlannedSubscription {
  product: number;
  mrr: number;
  startedAt: string;
  changes: { mrr: number; changedAt: string }[];
  endedAt: string | null;
}
export interface PlannedTicket {
  subject: string;
  priority: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
  channel: string;
  comments: { body: string; public: boolean }[];
  resolved: boolean;
  /** Score given if the resolution brings a CSAT invitation (1-5), or null for no answer. */
  csat: number | null;
}
export interface PlannedLead {
  campaign: number;
  converted: boolean;
}
export interface PlannedCustomer {
  name: string;
  kind: 'BUSINESS' | 'INDIVIDUAL';
  email: string;
  domain: string | null;
  industry: string | null;
  country: string;
  owner: number;
  tags: string[];
  source: string;
  externalId: string;
  /** How this customer's usage trends: churners fade, expanders grow. */
  trajectory: 'steady' | 'growing' | 'fading';
  lead: PlannedLead | null;
  contacts: PlannedContact[];
  interactions: PlannedInteraction[];
  deals: PlannedDeal[];
  orders: PlannedOrder[];
  subscriptions: PlannedSubscription[];
  tickets: PlannedTicket[];
  /** An NPS answer if the customer gets an NPS invitation (0-10). */
  nps: number;
}
export interface SeedPlan {
  options: { customers: number; seed: number; asOf: string };
  members: PlannedMember[];
  products: PlannedProduct[];
  stages: { name: string; probability: number }[];
  campaigns: PlannedCampaign[];
  /** Leads that never became customers. */
  openLeads: { name: string; email: string; company: string; country: string; campaign: number }[];
  customers: PlannedCustomer[];
}

const DAY = 86_400_000;
const COUNTRIES = [['US', 30], ['GB', 12], ['DE', 12], ['FR', 10], ['ES', 6], ['NL', 6], ['SE', 4], ['CA', 8], ['AU', 6], ['BR', 6]] as const;
const INDUSTRIES = ['software', 'retail', 'manufacturing', 'healthcare', 'finance', 'education', 'logistics', 'media'] as const;
const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kaito', 'Lena', 'Marta', 'Nils', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe'] as const;
const LAST_NAMES = ['Almeida', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haas', 'Ivanova', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Varga', 'Weber', 'Young'] as const;
const NAME_PARTS = ['North', 'Blue', 'Bright', 'Cedar', 'Delta', 'Echo', 'Forge', 'Granite', 'Harbor', 'Iron', 'Juniper', 'Keystone', 'Lumen', 'Maple', 'Nimbus', 'Orbit', 'Pine', 'Quartz', 'River', 'Summit', 'Tidal', 'Vector', 'Willow', 'Zenith'] as const;
const NAME_SUFFIXES = ['Labs', 'Systems', 'Works', 'Partners', 'Group', 'Foods', 'Logistics', 'Health', 'Media', 'Capital', 'Studio', 'Supply'] as const;
const TITLES = ['CEO', 'CTO', 'Head of Operations', 'Buyer', 'Finance Manager', 'Engineer', 'Office Manager', null] as const;
const FEATURES = ['dashboards', 'exports', 'automations', 'api', 'mobile', 'reports', 'integrations'] as const;
const CHANNELS = [['ads', 'paid search'], ['social', 'paid social'], ['events', 'trade shows'], ['content', 'webinars'], ['email', 'newsletter'], ['partners', 'partner referrals']] as const;
const SOURCES = [['organic', 30], ['referral', 15], ['ads', 20], ['social', 10], ['events', 10], ['content', 10], ['partners', 5]] as const;
const TAGS = ['vip', 'beta', 'newsletter', 'enterprise', 'smb', 'trial', 'partner'] as const;
const LOST_REASONS = ['price', 'timing', 'competitor', 'no budget', 'no decision'] as const;
const TICKET_SUBJECTS = ['Cannot log in', 'Invoice question', 'Export fails', 'Feature request', 'Slow dashboard', 'API error 500', 'Change billing address', 'Data import help'] as const;

const iso = (time: number) => new Date(time).toISOString();
const money = (value: number) => Math.round(value * 100) / 100;

/** The first day of the current UTC month: the default end of the history. */
export function startOfCurrentMonth(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function planSeed(options: SeedOptions): SeedPlan {
  const random = new Random(options.seed);
  const end = options.asOf.getTime();
  const start = end - 730 * DAY;
  const at = (from: number, to: number) => from + Math.floor(random.next() * Math.max(1, to - from));

  const members: PlannedMember[] = [];
  const teams = [['sales', 6], ['support', 4], ['marketing', 2]] as const;
  for (const [team, count] of teams) {
    for (let i = 0; i < count; i += 1) {
      const first = FIRST_NAMES[(members.length * 7) % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(members.length * 5) % LAST_NAMES.length]!;
      members.push({
        name: `${first} ${last}`,
        email: `${first}.${last}.${members.length}@rapport-demo.test`.toLowerCase(),
        team,
        territories: [COUNTRIES[(members.length * 3) % COUNTRIES.length]![0], COUNTRIES[(members.length * 3 + 1) % COUNTRIES.length]![0]],
        skills: team === 'sales' ? [random.pick(INDUSTRIES)] : team === 'support' ? ['billing', 'technical'].slice(0, 1 + (i % 2)) : ['campaigns'],
      });
    }
  }
  const salesMembers = members.flatMap((member, index) => (member.team === 'sales' ? [index] : []));

  const products: PlannedProduct[] = [
    { sku: 'STARTER', name: 'Starter plan', price: 49, recurring: true },
    { sku: 'GROWTH', name: 'Growth plan', price: 199, recurring: true },
    { sku: 'SCALE', name: 'Scale plan', price: 799, recurring: true },
    { sku: 'ONBOARD', name: 'Onboarding package', price: 1500, recurring: false },
    { sku: 'TRAINING', name: 'Training day', price: 900, recurring: false },
    { sku: 'SEATS10', name: 'Ten extra seats', price: 300, recurring: false },
    { sku: 'DATA-MIG', name: 'Data migration', price: 2500, recurring: false },
    { sku: 'SUPPORT+', name: 'Priority support year', price: 1200, recurring: false },
  ];
  const oneOffProducts = products.flatMap((product, index) => (product.recurring ? [] : [index]));
  const stages = [
    { name: 'Qualified', probability: 0.1 },
    { name: 'Discovery', probability: 0.25 },
    { name: 'Proposal', probability: 0.5 },
    { name: 'Negotiation', probability: 0.75 },
  ];

  const campaigns: PlannedCampaign[] = CHANNELS.map(([channel, name]) => {
    const base = random.int(800, 6000);
    const monthlySpend = Array.from({ length: 24 }, (_unused, month) => {
      const periodStart = new Date(start);
      periodStart.setUTCMonth(periodStart.getUTCMonth() + month, 1);
      const periodEnd = new Date(periodStart);
      periodEnd.setUTCMonth(periodEnd.getUTCMonth() + 1);
      return { periodStart: iso(periodStart.getTime()), periodEnd: iso(periodEnd.getTime() - 1000), amount: money(base * (0.7 + random.next() * 0.6)) };
    });
    return { name: `${name} ${channel}`, channel, monthlySpend };
  });

  const customers: PlannedCustomer[] = [];
  for (let index = 0; index < options.customers; index += 1) {
    const kind = random.chance(0.6) ? 'BUSINESS' : 'INDIVIDUAL';
    const country = random.weighted(COUNTRIES);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const company = `${random.pick(NAME_PARTS)} ${random.pick(NAME_PARTS)} ${random.pick(NAME_SUFFIXES)}`;
    const slug = `${company.toLowerCase().replace(/[^a-z]+/g, '-')}-${index}`;
    const name = kind === 'BUSINESS' ? company : `${first} ${last}`;
    const domain = kind === 'BUSINESS' ? `${slug}.example` : null;
    const email = kind === 'BUSINESS' ? `billing@${slug}.example` : `${first}.${last}.${index}@mail.example`.toLowerCase();
    const source = random.weighted(SOURCES);
    const trajectory = random.weighted([['steady', 60], ['growing', 20], ['fading', 20]] as const);
    // When the relationship began: spread over the two years, more recent ones more often.
    const since = end - Math.floor(730 * DAY * Math.sqrt(random.next()));
    const campaign = CHANNELS.findIndex(([channel]) => channel === source);
    const lead = campaign >= 0 && random.chance(0.5) ? { campaign, converted: true } : null;

    const contacts: PlannedContact[] = Array.from({ length: kind === 'BUSINESS' ? random.weighted([[1, 30], [2, 30], [3, 20], [4, 12], [5, 8]] as const) : 1 }, (_unused, c) => {
      const firstName = c === 0 && kind === 'INDIVIDUAL' ? first : random.pick(FIRST_NAMES);
      const lastName = c === 0 && kind === 'INDIVIDUAL' ? last : random.pick(LAST_NAMES);
      return {
        firstName,
        lastName,
        email: kind === 'BUSINESS' ? `${firstName}.${lastName}.${c}@${slug}.example`.toLowerCase() : email,
        phone: random.chance(0.6) ? `+1555${String(random.int(0, 9_999_999)).padStart(7, '0')}` : null,
        title: kind === 'BUSINESS' ? random.pick(TITLES) : null,
        emailConsent: random.chance(0.7),
      };
    });

    // Usage over the relationship: a monthly sample whose odds follow the trajectory.
    const interactions: PlannedInteraction[] = [];
    const months = Math.max(1, Math.floor((end - since) / (30 * DAY)));
    const samples = Math.min(months, random.int(2, 6));
    for (let s = 0; s < samples; s += 1) {
      const progress = (s + 0.5) / samples;
      const activity = trajectory === 'growing' ? 0.4 + 0.6 * progress : trajectory === 'fading' ? 1 - 0.9 * progress : 0.7;
      const occurred = since + Math.floor(progress * (end - since));
      if (random.chance(activity)) {
        interactions.push({ kind: 'PRODUCT_USAGE', occurredAt: iso(occurred), summary: null, feature: random.pick(FEATURES) });
      } else if (random.chance(0.5)) {
        const touch = random.pick(['EMAIL', 'CALL', 'MEETING', 'NOTE'] as const);
        interactions.push({ kind: touch, occurredAt: iso(occurred), summary: `${touch.toLowerCase()} about ${random.pick(FEATURES)}`, feature: null });
      }
    }
    if (trajectory !== 'fading' || random.chance(0.2)) interactions.push({ kind: 'LOGIN', occurredAt: iso(at(end - 20 * DAY, end)), summary: null, feature: null });

    const deals: PlannedDeal[] = [];
    if (kind === 'BUSINESS' && random.chance(0.45)) {
      const outcome = random.weighted([['WON', 55], ['LOST', 30], ['OPEN', 15]] as const);
      const reached = outcome === 'WON' ? random.int(2, 3) : random.int(0, 3);
      deals.push({
        title: `${company}: ${random.pick(products).name}`,
        amount: money(random.logNormal(8000, 0.8)),
        owner: random.pick(salesMembers),
        expectedCloseAt: iso(at(end, end + 120 * DAY)),
        moves: Array.from({ length: reached }, (_unused, m) => m + 1),
        outcome,
        lostReason: outcome === 'LOST' ? random.pick(LOST_REASONS) : null,
      });
    }

    const orders: PlannedOrder[] = [];
    const buyer = deals[0]?.outcome === 'WON' || random.chance(kind === 'BUSINESS' ? 0.35 : 0.45);
    if (buyer) {
      const count = random.geometric(trajectory === 'growing' ? 0.25 : trajectory === 'fading' ? 0.6 : 0.4, 10);
      const lastAt = trajectory === 'fading' ? since + (end - since) * 0.6 : end;
      for (let o = 0; o < count; o += 1) {
        const placed = at(since, lastAt);
        const due = placed + 30 * DAY;
        const lines = Array.from({ length: random.weighted([[1, 70], [2, 25], [3, 5]] as const) }, () => ({ product: random.pick(oneOffProducts), quantity: random.weighted([[1, 70], [2, 20], [5, 10]] as const) }));
        const payment = random.weighted([['on-time', 80], ['late', 12], ['unpaid', 8]] as const);
        const paidAt = payment === 'on-time' ? placed + random.int(0, 28) * DAY : payment === 'late' ? due + random.int(3, 60) * DAY : null;
        orders.push({ placedAt: iso(placed), dueAt: iso(due), lines, paidAt: paidAt !== null && paidAt < end ? iso(paidAt) : null });
      }
      orders.sort((a, b) => a.placedAt.localeCompare(b.placedAt));
    }

    const subscriptions: PlannedSubscription[] = [];
    if (buyer && random.chance(0.35)) {
      const product = random.weighted([[0, 50], [1, 35], [2, 15]] as const);
      const startedAt = at(since, end - 30 * DAY);
      const mrr = products[product]!.price * random.int(1, 5);
      const changes: { mrr: number; changedAt: string }[] = [];
      if (trajectory === 'growing' || random.chance(0.15)) changes.push({ mrr: mrr * random.int(2, 3), changedAt: iso(at(startedAt + 30 * DAY, end)) });
      else if (trajectory === 'fading' && random.chance(0.4)) changes.push({ mrr: Math.max(products[product]!.price, Math.round(mrr / 2)), changedAt: iso(at(startedAt + 30 * DAY, end)) });
      const churned = trajectory === 'fading' ? random.chance(0.6) : random.chance(0.08);
      const endedAt = churned ? iso(at(Math.max(startedAt + 60 * DAY, ...changes.map((c) => Date.parse(c.changedAt) + DAY)), end + DAY)) : null;
      subscriptions.push({ product, mrr, startedAt: iso(startedAt), changes, endedAt: endedAt !== null && Date.parse(endedAt) < end ? endedAt : null });
    }

    const tickets: PlannedTicket[] = [];
    const ticketCount = random.chance(trajectory === 'fading' ? 0.45 : 0.2) ? random.int(1, 3) : 0;
    for (let t = 0; t < ticketCount; t += 1) {
      const resolved = random.chance(0.8);
      tickets.push({
        subject: random.pick(TICKET_SUBJECTS),
        priority: random.weighted([['LOW', 25], ['NORMAL', 50], ['HIGH', 18], ['URGENT', 7]] as const),
        channel: random.pick(['email', 'chat', 'phone', 'web']),
        // Some tickets never get an answer: those breach their first-response SLA.
        comments: Array.from({ length: random.weighted([[0, 20], [1, 40], [2, 25], [3, 15]] as const) }, (_unused, c) => ({
          body: c % 2 === 0 ? 'Thanks for reaching out, looking into it now.' : 'Here is what we found and how to fix it.',
          public: c === 0 || random.chance(0.7),
        })),
        resolved,
        csat: resolved && random.chance(0.5) ? (trajectory === 'fading' ? random.int(1, 4) : random.int(3, 5)) : null,
      });
    }

    customers.push({
      name,
      kind,
      email,
      domain,
      industry: kind === 'BUSINESS' ? random.pick(INDUSTRIES) : null,
      country,
      owner: random.pick(salesMembers),
      tags: TAGS.filter(() => random.chance(0.12)),
      source,
      externalId: `seed-${options.seed}-${index}`,
      trajectory,
      lead,
      contacts,
      interactions,
      deals,
      orders,
      subscriptions,
      tickets,
      nps: trajectory === 'growing' ? random.int(8, 10) : trajectory === 'fading' ? random.int(0, 7) : random.int(5, 10),
    });
  }

  const openLeads = Array.from({ length: Math.ceil(options.customers / 10) }, (_unused, index) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    return {
      name: `${first} ${last}`,
      email: `${first}.${last}.lead${index}@mail.example`.toLowerCase(),
      company: `${random.pick(NAME_PARTS)} ${random.pick(NAME_SUFFIXES)}`,
      country: random.weighted(COUNTRIES),
      campaign: random.int(0, CHANNELS.length - 1),
    };
  });

  return { options: { customers: options.customers, seed: options.seed, asOf: iso(end) }, members, products, stages, campaigns, openLeads, customers };
}

/** How many records of each kind a plan creates: printed by the runner, checked by the test. */
export function summarisePlan(plan: SeedPlan): Record<string, number> {
  const sum = (count: (customer: PlannedCustomer) => number) => plan.customers.reduce((total, customer) => total + count(customer), 0);
  return {
    members: plan.members.length,
    products: plan.products.length,
    campaigns: plan.campaigns.length,
    customers: plan.customers.length,
    contacts: sum((c) => c.contacts.length),
    interactions: sum((c) => c.interactions.length),
    leads: plan.openLeads.length + sum((c) => (c.lead ? 1 : 0)),
    deals: sum((c) => c.deals.length),
    orders: sum((c) => c.orders.length),
    latePayments: sum((c) => c.orders.filter((o) => o.paidAt !== null && o.paidAt > o.dueAt).length),
    subscriptions: sum((c) => c.subscriptions.length),
    churnedSubscriptions: sum((c) => c.subscriptions.filter((s) => s.endedAt !== null).length),
    tickets: sum((c) => c.tickets.length),
    ticketComments: sum((c) => c.tickets.reduce((n, t) => n + t.comments.length, 0)),
  };
}
