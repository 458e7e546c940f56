import { badInput, requireRole, withTenant } from '@rapport/service-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { parsePeriod } from '../kpis/kpis.service.js';
import { channelAttribution, featureAdoption, nextProducts, ownerPerformance, pipelineFunnel, revenueForecast } from './reports.service.js';

/** Deny by default: analysts read every report; sales the pipeline ones, marketing the acquisition ones. */
export const REPORT_READERS = {
  revenueForecast: ['analyst', 'sales'],
  pipelineFunnel: ['analyst', 'sales'],
  nextProducts: ['analyst', 'sales', 'marketing'],
  channelAttribution: ['analyst', 'marketing'],
  ownerPerformance: ['analyst', 'sales'],
  featureAdoption: ['analyst'],
} as const;

function parseAsOf(value: Date | string | null | undefined): Date {
  if (value === null || value === undefined) return new Date();
  const asOf = new Date(value);
  if (Number.isNaN(asOf.getTime())) throw badInput('asOf', 'asOf is not a valid date-time');
  return asOf;
}

export const reportsResolvers: Resolvers = {
  Query: {
    revenueForecast: (_parent, args, context) => {
      requireRole(context.auth, REPORT_READERS.revenueForecast);
      const asOf = parseAsOf(args.asOf);
      return withTenant(context.dataSource, context.auth.tenantId, (scope) => revenueForecast(scope, args.months ?? 6, asOf));
    },
    pipelineFunnel: (_parent, args, context) => {
      requireRole(context.auth, REPORT_READERS.pipelineFunnel);
      return withTenant(context.dataSource, context.auth.tenantId, (scope) => pipelineFunnel(scope, args.pipelineId ?? null));
    },
    nextProducts: (_parent, args, context) => {
      requireRole(context.auth, REPORT_READERS.nextProducts);
      return withTenant(context.dataSource, context.auth.tenantId, (scope) => nextProducts(scope, args.productId));
    },
    channelAttribution: (_parent, args, context) => {
      requireRole(context.auth, REPORT_READERS.channelAttribution);
      const period = parsePeriod(args.from, args.to);
      return withTenant(context.dataSource, context.auth.tenantId, (scope) => channelAttribution(scope, period));
    },
    ownerPerformance: (_parent, args, context) => {
      requireRole(context.auth, REPORT_READERS.ownerPerformance);
      const period = parsePeriod(args.from, args.to);
      return withTenant(context.dataSource, context.auth.tenantId, (scope) => ownerPerformance(scope, period));
    },
    featureAdoption: (_parent, args, context) => {
      requireRole(context.auth, REPORT_READERS.featureAdoption);
      const period = parsePeriod(args.from, args.to);
      return withTenant(context.dataSource, context.auth.tenantId, (scope) => featureAdoption(scope, period));
    },
  },
  FunnelStep: {
    stage: (step) => ({ id: step.stageId }),
  },
  ProductAffinity: {
    product: (affinity) => ({ id: affinity.productId }),
  },
};
