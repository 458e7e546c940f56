import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { authenticateRequest, badInput, DomainError, requireRole, withTenant, type AuthContext, type Role, type ServiceDependencies, type Subgraph, type TenantScope } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { AnalyticsContext } from '../../context.js';
import { kpis, parsePeriod, VALUE_QUADRANTS, type ValueQuadrant } from '../kpis/kpis.service.js';
import { KPI_READERS } from '../kpis/kpis.resolvers.js';
import { REPORT_READERS } from '../reports/reports.resolvers.js';
import { channelAttribution, cohorts, featureAdoption, nextProducts, ownerPerformance, pipelineFunnel, revenueForecast } from '../reports/reports.service.js';
import { CHURN_READERS } from '../churn-risk/churn-risk.service.js';
import { SEGMENT_READERS, segmentSummary } from '../value-segment/value-segment.service.js';

type Query = Record<string, string | undefined>;
type Row = object;
type Cells = Record<string, unknown>;

interface Export {
  roles: readonly Role[];
  /** The CSV header, fixed so that an empty list or a null Money still has its columns. */
  columns(query: Query): string[];
  /** Rows read in one tenant-scoped transaction; `load` instead for a service that opens its own. */
  rows?(scope: TenantScope, query: Query): Promise<Row[]>;
  load?(dataSource: DataSource, auth: AuthContext, query: Query): Promise<Row[]>;
}

const money = (name: string) => [`${name}Amount`, `${name}Currency`];

const required = (query: Query, name: string): string => {
  const value = query[name];
  if (value === undefined || value === '') throw badInput(name, `${name} is required`);
  return value;
};
const period = (query: Query) => parsePeriod(required(query, 'from'), required(query, 'to'));
const integer = (query: Query, name: string, fallback: number): number => {
  const value = query[name];
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw badInput(name, `${name} must be an integer`);
  return parsed;
};
const instant = (query: Query, name: string): Date => {
  const value = query[name];
  if (value === undefined) return new Date();
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw badInput(name, `${name} is not a valid date-time`);
  return parsed;
};

/**
 * Every list query as a CSV, with the GraphQL arguments as query parameters. Exports that
 * other modules add register in this map (atRiskCustomers, segmentSummary).
 */
export const EXPORTS: Record<string, Export> = {
  kpis: {
    roles: KPI_READERS,
    columns: () => [
      'customers', 'customersAtStart', 'newCustomers', 'churnRate', 'retentionRate', 'netRevenueRetention', ...money('mrr'), 'mrrGrowth',
      'nps', 'csat', 'ces', 'avgFirstResponseMinutes', 'medianFirstResponseMinutes', 'slaBreachRate', 'leadConversionRate', 'winRate',
      ...money('pipelineVelocityPerDay'), ...money('cac'), 'ltvToCac', 'repeatPurchaseRate', 'avgDaysToSecondPurchase',
    ],
    load: async (dataSource, auth, query) => {
      const segment = query['segment'] ?? null;
      if (segment !== null && !(VALUE_QUADRANTS as readonly string[]).includes(segment)) throw badInput('segment', `segment must be one of ${VALUE_QUADRANTS.join(', ')}`);
      return [{ ...(await kpis(dataSource, auth, period(query), segment as ValueQuadrant | null)) }];
    },
  },
  cohorts: {
    roles: KPI_READERS,
    columns: (query) => ['month', 'size', ...Array.from({ length: integer(query, 'months', 12) }, (_value, k) => `month${k}`)],
    rows: async (scope, query) => {
      const months = integer(query, 'months', 12);
      const rows = await cohorts(scope, period(query), months);
      // One column per month after the first purchase, so that a spreadsheet lines them up.
      return rows.map(({ retention, ...cohort }) => ({ ...cohort, ...Object.fromEntries(Array.from({ length: months }, (_value, k) => [`month${k}`, retention[k] ?? null])) }));
    },
  },
  revenueForecast: {
    roles: REPORT_READERS.revenueForecast,
    columns: () => ['month', ...money('weightedPipeline'), ...money('recurring'), ...money('total')],
    rows: (scope, query) => revenueForecast(scope, integer(query, 'months', 6), instant(query, 'asOf')),
  },
  pipelineFunnel: {
    roles: REPORT_READERS.pipelineFunnel,
    columns: () => ['stageId', 'stageName', 'probability', 'entered', 'converted', 'conversionRate', 'avgDaysInStage'],
    rows: (scope, query) => pipelineFunnel(scope, query['pipelineId'] ?? null),
  },
  nextProducts: {
    roles: REPORT_READERS.nextProducts,
    columns: () => ['productId', 'customers', 'share', 'medianDaysAfter'],
    rows: (scope, query) => nextProducts(scope, required(query, 'productId')),
  },
  channelAttribution: {
    roles: REPORT_READERS.channelAttribution,
    columns: () => ['channel', 'leads', 'customersWon', ...money('revenue'), ...money('spend'), ...money('cac'), 'roi'],
    rows: (scope, query) => channelAttribution(scope, period(query)),
  },
  ownerPerformance: {
    roles: REPORT_READERS.ownerPerformance,
    columns: () => ['ownerId', 'dealsWon', 'dealsLost', ...money('revenue'), 'winRate', 'avgCycleDays', ...money('revenuePerCustomer')],
    rows: (scope, query) => ownerPerformance(scope, period(query)),
  },
  atRiskCustomers: {
    roles: CHURN_READERS,
    columns: () => ['customerId', 'level', 'score'],
    // The whole list at a level, highest score first, as the query pages through it.
    rows: async (scope, query) => {
      const level = query['level'] ?? 'HIGH';
      if (!['LOW', 'MEDIUM', 'HIGH'].includes(level)) throw badInput('level', 'level must be one of LOW, MEDIUM, HIGH');
      return scope.manager.query(
        `SELECT customer_id AS "customerId", level, score FROM customer_churn_risk WHERE tenant_id = $1 AND level = $2 ORDER BY score DESC, customer_id`,
        [scope.tenantId, level],
      );
    },
  },
  segmentSummary: {
    roles: SEGMENT_READERS,
    columns: () => ['quadrant', 'customers', ...money('revenue')],
    load: (dataSource, auth) => segmentSummary(dataSource, auth),
  },
  featureAdoption: {
    roles: REPORT_READERS.featureAdoption,
    columns: () => ['feature', 'cohortSize', 'adoptedWithin30Days', 'adoptedWithin60Days', 'adoptedWithin90Days', 'retention12MonthsAdopters', 'retention12MonthsNonAdopters'],
    rows: (scope, query) => featureAdoption(scope, period(query)),
  },
};

/** Money { amount, currency } becomes two columns; other nested objects one column per field. */
export function flatten(row: Row, prefix = ''): Cells {
  const flat: Cells = {};
  for (const [key, value] of Object.entries(row)) {
    const name = prefix ? `${prefix}${key[0]!.toUpperCase()}${key.slice(1)}` : key;
    if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)) Object.assign(flat, flatten(value, name));
    else flat[name] = value;
  }
  return flat;
}

/**
 * A spreadsheet runs a cell that begins with = + - @ (or a tab or carriage return) as a
 * formula: such cells get a leading quote, so they show as text (CSV injection).
 */
export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function sendError(response: Response, error: unknown): void {
  if (error instanceof DomainError) {
    const status = { BAD_USER_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401, CONFLICT: 409 }[error.code];
    response.status(status).json({ code: error.code, ...(error.field ? { field: error.field } : {}), reason: error.message });
    return;
  }
  if (error instanceof GraphQLError && error.extensions['code'] === 'UNAUTHENTICATED') {
    response.status(401).json({ code: 'UNAUTHENTICATED', reason: error.message });
    return;
  }
  throw error;
}

/**
 * GET /export/<name>.csv: the caller is checked as on /graphql (the gateway's identity), the
 * role as on the matching query, the filters are its arguments. Rows are computed in one
 * tenant-scoped transaction, then streamed through the CSV writer with backpressure.
 */
export function exportRoutes(app: Express, dependencies: ServiceDependencies & { subgraph: Subgraph<AnalyticsContext> }): void {
  app.get('/export/:file', async (request: Request, response: Response) => {
    const file = String(request.params['file'] ?? '');
    const name = file.endsWith('.csv') ? file.slice(0, -4) : undefined;
    const definition = name !== undefined && Object.hasOwn(EXPORTS, name) ? EXPORTS[name] : undefined;
    let rows: Row[];
    let columns: string[];
    try {
      const auth: AuthContext = await authenticateRequest(dependencies.subgraph, request);
      if (!definition) throw new DomainError('NOT_FOUND', `no export named ${file}`);
      requireRole(auth, definition.roles);
      const query = Object.fromEntries(Object.entries(request.query).map(([key, value]) => [key, typeof value === 'string' ? value : undefined]));
      columns = definition.columns(query);
      rows = definition.load
        ? await definition.load(dependencies.dataSource, auth, query)
        : await withTenant(dependencies.dataSource, auth.tenantId, (scope) => definition.rows!(scope, query));
    } catch (error) {
      sendError(response, error);
      return;
    }
    const flat = rows.map((row) => flatten(row));
    response.status(200).type('text/csv; charset=utf-8').setHeader('content-disposition', `attachment; filename="${name}.csv"`);
    await pipeline(
      Readable.from(flat.map((row) => columns.map((column) => neutralise(row[column])))),
      stringify({ header: true, columns }),
      response,
    );
  });
}
