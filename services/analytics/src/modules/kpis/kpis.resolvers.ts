import { requireRole, withTenant } from '@rapport/service-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { cohorts } from '../reports/reports.service.js';
import { kpis, parsePeriod } from './kpis.service.js';

/** Who may read tenant-wide figures: analysts (admins always). */
export const KPI_READERS = ['analyst'] as const;

export const kpisResolvers: Resolvers = {
  Query: {
    kpis: (_parent, args, context) => {
      requireRole(context.auth, KPI_READERS);
      return kpis(context.dataSource, context.auth, parsePeriod(args.from, args.to), args.segment ?? null);
    },
    cohorts: (_parent, args, context) => {
      requireRole(context.auth, KPI_READERS);
      const period = parsePeriod(args.from, args.to);
      return withTenant(context.dataSource, context.auth.tenantId, (scope) => cohorts(scope, period, args.months ?? 12));
    },
  },
};
