import type { Resolvers } from '../../generated/graphql.js';
import { atRiskCustomers, configureChurnRisk, readChurnRiskSettings, type StoredChurnRiskSettings } from './churn-risk.service.js';

const toSettings = (settings: StoredChurnRiskSettings) => ({
  weights: {
    fallingUsage: settings.weights.FALLING_USAGE,
    latePayments: settings.weights.LATE_PAYMENTS,
    supportFriction: settings.weights.SUPPORT_FRICTION,
    fadingEngagement: settings.weights.FADING_ENGAGEMENT,
    lowSatisfaction: settings.weights.LOW_SATISFACTION,
    subscriptionContraction: settings.weights.SUBSCRIPTION_CONTRACTION,
    lowPurchaseExpectation: settings.weights.LOW_PURCHASE_EXPECTATION,
  },
  mediumThreshold: settings.thresholds.medium,
  highThreshold: settings.thresholds.high,
  updatedAt: settings.updatedAt,
});

export const churnRiskResolvers: Resolvers = {
  Query: {
    atRiskCustomers: (_parent, args, context) => atRiskCustomers(context.dataSource, context.auth, args),
    churnRiskSettings: async (_parent, _args, context) => toSettings(await readChurnRiskSettings(context.dataSource, context.auth)),
  },
  Mutation: {
    configureChurnRisk: async (_parent, args, context) => {
      const { settings, rescored } = await configureChurnRisk(context.dataSource, context.auth, args.input);
      return { settings: toSettings(settings), rescored };
    },
  },
  CustomerMetrics: {
    churnRisk: async (metrics, _args, context) => (await context.loaders.churnRisk.load(metrics.customerId)).risk,
    lastActivityAt: async (metrics, _args, context) => (await context.loaders.churnRisk.load(metrics.customerId)).lastActivityAt,
  },
};
