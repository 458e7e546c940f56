/**
 * Churn risk, as a pure function of what the read models know about one customer at a
 * reference time. Explainable by design: the score is the sum of its signals' points, and
 * every signal says what was seen. The formulas are written out in METRICS.md.
 */

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SIGNAL_NAMES = [
  'FALLING_USAGE',
  'LATE_PAYMENTS',
  'SUPPORT_FRICTION',
  'FADING_ENGAGEMENT',
  'LOW_SATISFACTION',
  'SUBSCRIPTION_CONTRACTION',
  'LOW_PURCHASE_EXPECTATION',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

export type SignalWeights = Record<SignalName, number>;

export interface RiskThresholds {
  /** Scores at or above this are MEDIUM. */
  medium: number;
  /** Scores at or above this are HIGH. */
  high: number;
}

export interface ChurnRiskSettings {
  weights: SignalWeights;
  thresholds: RiskThresholds;
}

/** Relative weights: the score divides by their sum, so they need not add up to 100. */
export const DEFAULT_CHURN_RISK_SETTINGS: ChurnRiskSettings = {
  weights: {
    FALLING_USAGE: 25,
    LATE_PAYMENTS: 20,
    SUPPORT_FRICTION: 15,
    FADING_ENGAGEMENT: 10,
    LOW_SATISFACTION: 10,
    SUBSCRIPTION_CONTRACTION: 10,
    LOW_PURCHASE_EXPECTATION: 10,
  },
  thresholds: { medium: 20, high: 35 },
};

/** Weeks of usage compared: the recent window against the one before it. */
export const RECENT_WEEKS = 4;
export const EARLIER_WEEKS = 8;

/**
 * What the read models hold for one customer, already cut to the windows the score reads.
 * A part that is null is unknown (no data of that kind), and its signal is absent.
 */
export interface ChurnInputs {
  /** Product usage and logins per week: the last RECENT_WEEKS and the EARLIER_WEEKS before them. */
  usage: { recentWeeks: number[]; earlierWeeks: number[] } | null;
  /** Days since the latest interaction, usage, order, ticket or survey answer. */
  daysSinceLastActivity: number | null;
  /** Orders due in the last 180 days: unpaid past their due date, and paid after it. */
  payments: { overdueUnpaid: number; paidLate: number; dueOrders: number } | null;
  /** Open tickets now; SLA breaches in the last 90 days. */
  support: { openTickets: number; openUrgent: number; slaBreaches90d: number } | null;
  /** The latest answer of each kind (CSAT 1-5, NPS 0-10, CES 1-5), null when never answered. */
  satisfaction: { lastCsat: number | null; lastNps: number | null; lastCes: number | null } | null;
  /** MRR lost to contraction and churn in the last 90 days, against the MRR before it. */
  subscription: { mrrLost90d: number; mrrBefore: number; mrrNow: number } | null;
  /** From the tenant's BG/NBD model, for customers with purchases. */
  purchases: { probabilityAlive: number; expectedPurchases90d: number } | null;
}

export interface RiskSignal {
  name: SignalName;
  /** Points this signal adds to the 0-100 score. */
  weight: number;
  detail: string;
}

export interface ChurnRisk {
  score: number;
  level: RiskLevel;
  signals: RiskSignal[];
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round1 = (value: number) => Math.round(value * 10) / 10;
const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

interface Strength {
  strength: number;
  detail: string;
}

/** Each signal's strength in [0, 1]; undefined when its input is unknown or too thin to judge. */
const STRENGTHS: Record<SignalName, (inputs: ChurnInputs) => Strength | undefined> = {
  FALLING_USAGE: ({ usage }) => {
    if (!usage) return undefined;
    const earlier = mean(usage.earlierWeeks);
    // Below one use a week there is no trend to speak of.
    if (earlier < 1) return undefined;
    const recent = mean(usage.recentWeeks);
    const drop = 1 - recent / earlier;
    // Week-to-week noise moves a 4-week mean by 20% easily: only a larger drop counts, fully at 80%.
    return {
      strength: clamp01((drop - 0.2) / 0.6),
      detail: `usage ${recent.toFixed(1)}/week in the last ${RECENT_WEEKS} weeks vs ${earlier.toFixed(1)}/week in the ${EARLIER_WEEKS} before (${drop >= 0 ? '-' : '+'}${Math.round(Math.abs(drop) * 100)}%)`,
    };
  },
  LATE_PAYMENTS: ({ payments }) => {
    if (!payments || payments.dueOrders === 0) return undefined;
    // An order still unpaid past its due date weighs twice one paid late; two unpaid is the full signal.
    const points = payments.overdueUnpaid + 0.5 * payments.paidLate;
    return {
      strength: clamp01(points / 2),
      detail: `${plural(payments.overdueUnpaid, 'order')} overdue and unpaid, ${payments.paidLate} paid late, of ${payments.dueOrders} due in 180 days`,
    };
  },
  SUPPORT_FRICTION: ({ support }) => {
    if (!support) return undefined;
    const points = 0.5 * support.openUrgent + 0.25 * support.slaBreaches90d + 0.15 * Math.max(0, support.openTickets - 1);
    return {
      strength: clamp01(points),
      detail: `${plural(support.openTickets, 'open ticket')} (${support.openUrgent} urgent or high), ${support.slaBreaches90d} SLA ${support.slaBreaches90d === 1 ? 'breach' : 'breaches'} in 90 days`,
    };
  },
  FADING_ENGAGEMENT: ({ daysSinceLastActivity }) => {
    if (daysSinceLastActivity === null) return undefined;
    // Two quiet weeks are normal; two quiet months are not.
    return {
      strength: clamp01((daysSinceLastActivity - 14) / 46),
      detail: `last activity ${Math.floor(daysSinceLastActivity)} days ago`,
    };
  },
  LOW_SATISFACTION: ({ satisfaction }) => {
    if (!satisfaction) return undefined;
    const parts: { strength: number; detail: string }[] = [];
    const { lastCsat, lastNps, lastCes } = satisfaction;
    if (lastCsat !== null) parts.push({ strength: lastCsat <= 2 ? 1 : lastCsat === 3 ? 0.4 : 0, detail: `last CSAT ${lastCsat}/5` });
    // A detractor (0-6) counts half at 6 and fully at 0.
    if (lastNps !== null) parts.push({ strength: lastNps <= 6 ? 0.5 + (6 - lastNps) / 12 : 0, detail: `last NPS ${lastNps}/10` });
    // CES below 2.0 flags friction (DOMAIN.md).
    if (lastCes !== null) parts.push({ strength: lastCes < 2 ? 0.7 : 0, detail: `last CES ${lastCes}/5` });
    if (parts.length === 0) return undefined;
    return { strength: Math.max(...parts.map((part) => part.strength)), detail: parts.map((part) => part.detail).join(', ') };
  },
  SUBSCRIPTION_CONTRACTION: ({ subscription }) => {
    if (!subscription || subscription.mrrBefore <= 0) return undefined;
    const share = subscription.mrrLost90d / subscription.mrrBefore;
    // Losing half the recurring revenue is as bad as it gets short of ending it.
    const strength = subscription.mrrNow <= 0 ? 1 : clamp01(share / 0.5);
    return {
      strength,
      detail: `MRR ${subscription.mrrBefore.toFixed(2)} -> ${subscription.mrrNow.toFixed(2)} in 90 days (-${Math.round(clamp01(share) * 100)}%)`,
    };
  },
  LOW_PURCHASE_EXPECTATION: ({ purchases }) => {
    if (!purchases) return undefined;
    // P(alive) of 0.7 and above is a customer the model still expects; 0.1 and below, one it has written off.
    return {
      strength: clamp01((0.7 - purchases.probabilityAlive) / 0.6),
      detail: `P(alive) ${purchases.probabilityAlive.toFixed(2)}, ${purchases.expectedPurchases90d.toFixed(2)} purchases expected in 90 days`,
    };
  },
};

export function levelOf(score: number, thresholds: RiskThresholds): RiskLevel {
  if (score >= thresholds.high) return 'HIGH';
  if (score >= thresholds.medium) return 'MEDIUM';
  return 'LOW';
}

/**
 * score = 100 x sum(weight_i x strength_i) / sum(weight_i), over every signal including the
 * absent ones, so missing data never inflates a score. A signal's reported weight is its
 * points in the score; signals with no points are left out, strongest first.
 */
export function scoreChurnRisk(inputs: ChurnInputs, settings: ChurnRiskSettings = DEFAULT_CHURN_RISK_SETTINGS): ChurnRisk {
  const totalWeight = SIGNAL_NAMES.reduce((sum, name) => sum + settings.weights[name], 0);
  const signals: RiskSignal[] = [];
  let score = 0;
  if (totalWeight > 0) {
    for (const name of SIGNAL_NAMES) {
      const found = STRENGTHS[name](inputs);
      if (!found || found.strength <= 0) continue;
      const points = (100 * settings.weights[name] * found.strength) / totalWeight;
      if (points <= 0) continue;
      score += points;
      signals.push({ name, weight: round1(points), detail: found.detail });
    }
  }
  signals.sort((left, right) => right.weight - left.weight || left.name.localeCompare(right.name));
  const rounded = Math.min(100, round1(score));
  return { score: rounded, level: levelOf(rounded, settings.thresholds), signals };
}

/** Share of the last 8 weeks with any activity, 0-100. */
export function engagementScore(activeWeeksOfLast8: number): number {
  return (100 * Math.min(8, Math.max(0, activeWeeksOfLast8))) / 8;
}

/**
 * healthScore = 0.7 x (100 - churn risk score) + 0.3 x engagement, in [0, 100]: mostly the
 * absence of risk, lifted by steady recent activity, so that a quiet customer with no
 * warning signs is healthy but not as healthy as an active one.
 */
export function healthScore(riskScore: number, activeWeeksOfLast8: number): number {
  return round1(Math.min(100, Math.max(0, 0.7 * (100 - riskScore) + 0.3 * engagementScore(activeWeeksOfLast8))));
}

/** Checks settings from a client; returns the first problem as [field, reason]. */
export function validateSettings(settings: ChurnRiskSettings): [string, string] | undefined {
  for (const name of SIGNAL_NAMES) {
    const weight = settings.weights[name];
    if (!Number.isFinite(weight) || weight < 0 || weight > 1000) return [`weights.${name}`, `weight of ${name} must be between 0 and 1000`];
  }
  if (SIGNAL_NAMES.every((name) => settings.weights[name] === 0)) return ['weights', 'at least one weight must be above 0'];
  const { medium, high } = settings.thresholds;
  if (!Number.isFinite(medium) || medium <= 0 || medium > 100) return ['thresholds.medium', 'medium threshold must be in (0, 100]'];
  if (!Number.isFinite(high) || high <= 0 || high > 100) return ['thresholds.high', 'high threshold must be in (0, 100]'];
  if (high <= medium) return ['thresholds.high', 'high threshold must be above the medium threshold'];
  return undefined;
}
