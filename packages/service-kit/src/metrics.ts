import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/**
 * One Prometheus registry per process, served on /metrics: GraphQL operations (rate and
 * latency by operation), errors by code, database pool pressure, and whatever the
 * service's components add (outbox backlog, consumer lag).
 */
export interface ServiceMetrics {
  registry: Registry;
  operationDuration: Histogram<'operation' | 'type'>;
  errors: Counter<'code'>;
}

export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    operationDuration: new Histogram({
      name: 'rapport_graphql_operation_seconds',
      help: 'GraphQL operations by name and type, with their duration',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    errors: new Counter({ name: 'rapport_graphql_errors_total', help: 'GraphQL errors by code', labelNames: ['code'], registers: [registry] }),
  };
}

/** Observes every operation and every error code of an Apollo server. */
export function metricsPlugin<Context extends object>(metrics: ServiceMetrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) metrics.errors.inc({ code: String(error.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR') });
        },
        async willSendResponse({ operationName, operation }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          // Anonymous operations share one label so clients cannot grow the label set at will.
          metrics.operationDuration.observe({ operation: operationName ?? '(anonymous)', type: operation?.operation ?? 'unknown' }, seconds);
        },
      };
    },
  };
}

/** Connection pool gauges: waiting clients mean requests queue for a database connection. */
export function observeDatabasePool(metrics: ServiceMetrics, dataSource: DataSource): void {
  const pool = () => (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
  new Gauge({
    name: 'rapport_db_pool_connections',
    help: 'Database pool connections by state (waiting = requests queued for a connection)',
    labelNames: ['state'],
    registers: [metrics.registry],
    collect() {
      const current = pool();
      if (!current) return;
      this.set({ state: 'total' }, current.totalCount);
      this.set({ state: 'idle' }, current.idleCount);
      this.set({ state: 'waiting' }, current.waitingCount);
    },
  });
}
