import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_CHURN_RISK_SETTINGS,
  healthScore,
  levelOf,
  scoreChurnRisk,
  validateSettings,
  type ChurnInputs,
  type ChurnRiskSettings,
} from './churn-risk.score.js';

const nothingKnown: ChurnInputs = {
  usage: null,
  daysSinceLastActivity: null,
  payments: null,
  support: null,
  satisfaction: null,
  subscription: null,
  purchases: null,
};

const steady: ChurnInputs = {
  usage: { recentWeeks: [5, 6, 4, 5], earlierWeeks: [5, 5, 6, 4, 5, 5, 6, 4] },
  daysSinceLastActivity: 2,
  payments: { overdueUnpaid: 0, paidLate: 0, dueOrders: 3 },
  support: { openTickets: 0, openUrgent: 0, slaBreaches90d: 0 },
  satisfaction: { lastCsat: 5, lastNps: 9, lastCes: 4 },
  subscription: { mrrLost90d: 0, mrrBefore: 100, mrrNow: 100 },
  purchases: { probabilityAlive: 0.95, expectedPurchases90d: 2 },
};

describe('churn risk score', () => {
  it('scores a customer with nothing known at 0, LOW, with no signals', () => {
    assert.deepEqual(scoreChurnRisk(nothingKnown), { score: 0, level: 'LOW', signals: [] });
  });

  it('scores a steady customer at 0: normal noise is below every signal threshold', () => {
    assert.deepEqual(scoreChurnRisk(steady), { score: 0, level: 'LOW', signals: [] });
  });

  it('adds each signal as weight x strength, reported in points and strongest first', () => {
    // Usage 5/week -> 1/week: drop 80% -> strength (0.8 - 0.2) / 0.6 = 1 -> 25 points of 100.
    // One order overdue, one paid late: (1 + 0.5) / 2 = 0.75 -> 20 x 0.75 = 15 points.
    const risk = scoreChurnRisk({
      ...steady,
      usage: { recentWeeks: [1, 1, 1, 1], earlierWeeks: [5, 5, 5, 5, 5, 5, 5, 5] },
      payments: { overdueUnpaid: 1, paidLate: 1, dueOrders: 3 },
    });
    assert.equal(risk.score, 40);
    assert.equal(risk.level, 'HIGH');
    assert.deepEqual(
      risk.signals.map((signal) => [signal.name, signal.weight]),
      [
        ['FALLING_USAGE', 25],
        ['LATE_PAYMENTS', 15],
      ],
    );
    assert.match(risk.signals[0]!.detail, /1\.0\/week .* 5\.0\/week .* \(-80%\)/);
  });

  it('reaches HIGH when usage falls, payments are late and tickets pile up', () => {
    // 25 (usage) + 20 (two overdue) + 15 x min(1, 0.5 x 2 + 0.25 x 1 + 0.15 x 2) = 15 -> 60.
    const risk = scoreChurnRisk({
      ...steady,
      usage: { recentWeeks: [0, 1, 0, 0], earlierWeeks: [4, 5, 4, 5, 4, 5, 4, 5] },
      payments: { overdueUnpaid: 2, paidLate: 0, dueOrders: 2 },
      support: { openTickets: 3, openUrgent: 2, slaBreaches90d: 1 },
    });
    assert.equal(risk.score, 60);
    assert.equal(risk.level, 'HIGH');
    assert.deepEqual(risk.signals.map((signal) => signal.name).sort(), ['FALLING_USAGE', 'LATE_PAYMENTS', 'SUPPORT_FRICTION']);
  });

  it('counts a detractor, a low CSAT, a contraction and a low P(alive)', () => {
    const risk = scoreChurnRisk({
      ...nothingKnown,
      satisfaction: { lastCsat: 4, lastNps: 0, lastCes: null },
      subscription: { mrrLost90d: 25, mrrBefore: 100, mrrNow: 75 },
      purchases: { probabilityAlive: 0.1, expectedPurchases90d: 0.05 },
    });
    // NPS 0: 0.5 + 6/12 = 1 -> 10; 25% lost of 50% = 0.5 -> 5; P(alive) 0.1 -> 1 -> 10.
    assert.deepEqual(
      risk.signals.map((signal) => [signal.name, signal.weight]),
      [
        ['LOW_PURCHASE_EXPECTATION', 10],
        ['LOW_SATISFACTION', 10],
        ['SUBSCRIPTION_CONTRACTION', 5],
      ],
    );
    assert.equal(risk.score, 25);
  });

  it('follows tenant weights and thresholds: a signal weighted 0 adds nothing', () => {
    const settings: ChurnRiskSettings = {
      weights: { ...DEFAULT_CHURN_RISK_SETTINGS.weights, FALLING_USAGE: 0, LATE_PAYMENTS: 100 },
      thresholds: { medium: 10, high: 20 },
    };
    const risk = scoreChurnRisk(
      { ...steady, usage: { recentWeeks: [0, 0, 0, 0], earlierWeeks: [5, 5, 5, 5, 5, 5, 5, 5] }, payments: { overdueUnpaid: 2, paidLate: 0, dueOrders: 2 } },
      settings,
    );
    // Weights sum to 0 + 100 + 15 + 10 + 10 + 10 + 10 = 155: late payments give 100 x 100 / 155 = 64.5.
    assert.equal(risk.score, 64.5);
    assert.deepEqual(risk.signals.map((signal) => signal.name), ['LATE_PAYMENTS']);
    assert.equal(risk.level, 'HIGH');
  });

  it('places levels at the thresholds, inclusive', () => {
    const thresholds = DEFAULT_CHURN_RISK_SETTINGS.thresholds;
    assert.equal(levelOf(19.9, thresholds), 'LOW');
    assert.equal(levelOf(20, thresholds), 'MEDIUM');
    assert.equal(levelOf(34.9, thresholds), 'MEDIUM');
    assert.equal(levelOf(35, thresholds), 'HIGH');
  });

  it('rejects settings that cannot score: negative weights, all zero, thresholds out of order', () => {
    const base = DEFAULT_CHURN_RISK_SETTINGS;
    assert.deepEqual(validateSettings({ ...base, weights: { ...base.weights, LATE_PAYMENTS: -1 } })?.[0], 'weights.LATE_PAYMENTS');
    const zero = Object.fromEntries(Object.keys(base.weights).map((name) => [name, 0])) as ChurnRiskSettings['weights'];
    assert.equal(validateSettings({ ...base, weights: zero })?.[0], 'weights');
    assert.equal(validateSettings({ ...base, thresholds: { medium: 50, high: 50 } })?.[0], 'thresholds.high');
    assert.equal(validateSettings({ ...base, thresholds: { medium: 0, high: 50 } })?.[0], 'thresholds.medium');
    assert.equal(validateSettings(base), undefined);
  });
});

describe('health score', () => {
  it('is 0.7 x (100 - risk) + 0.3 x share of active weeks', () => {
    assert.equal(healthScore(0, 8), 100);
    assert.equal(healthScore(0, 0), 70);
    // 0.7 x 40 + 0.3 x 50 = 43
    assert.equal(healthScore(60, 4), 43);
    assert.equal(healthScore(100, 0), 0);
  });
});
