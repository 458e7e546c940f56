import { badInput } from '@rapport/service-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { readClvModel, refitClvModel } from './clv.service.js';

/** Horizons beyond this are extrapolation the model cannot support. */
const MAX_HORIZON_MONTHS = 120;

function horizon(value: number | null | undefined): number {
  const months = value ?? 12;
  if (!Number.isInteger(months) || months < 0 || months > MAX_HORIZON_MONTHS) throw badInput('horizonMonths', `horizonMonths must be a whole number from 0 to ${MAX_HORIZON_MONTHS}`);
  return months;
}

export const clvResolvers: Resolvers = {
  Query: {
    clvModel: (_parent, _args, context) => readClvModel(context.dataSource, context.auth),
  },
  Mutation: {
    refitClvModel: (_parent, args, context) => refitClvModel(context.dataSource, context.auth, args.input),
  },
  ClvModel: {
    r: (model) => model.bgNbd.r,
    alpha: (model) => model.bgNbd.alpha,
    a: (model) => model.bgNbd.a,
    b: (model) => model.bgNbd.b,
    p: (model) => model.gammaGamma?.p ?? null,
    q: (model) => model.gammaGamma?.q ?? null,
    gamma: (model) => model.gammaGamma?.gamma ?? null,
  },
  CustomerMetrics: {
    historicalValue: async (metrics, _args, context) => {
      const value = await context.loaders.customerValue.load(metrics.customerId);
      return { amount: value.historicalValue, currency: value.currency };
    },
    simpleClv: async (metrics, _args, context) => {
      const value = await context.loaders.customerValue.load(metrics.customerId);
      return { amount: value.simpleClv, currency: value.currency };
    },
    predictedClv: async (metrics, args, context) => {
      const months = horizon(args.horizonMonths);
      const value = await context.loaders.customerValue.load(metrics.customerId);
      return { amount: value.predictedClv(months), currency: value.currency };
    },
    expectedPurchases: async (metrics, args, context) => {
      const months = horizon(args.horizonMonths);
      return (await context.loaders.customerValue.load(metrics.customerId)).expectedPurchases(months);
    },
    probabilityAlive: async (metrics, _args, context) => (await context.loaders.customerValue.load(metrics.customerId)).probabilityAlive,
  },
};
