import type { AfterApply } from '@rapport/messaging';
import { acrossTenants, enterTenant, withTenant, type ServiceComponent, type ServiceDependencies } from '@rapport/service-kit';
import { z } from 'zod';
import { referenceTime } from '../clv/clv.service.js';
import { recomputeChurnRisk, sweepChurnRisk, type SweepResult } from './churn-risk.service.js';

/**
 * The events that change a churn input. Others (leads, deals, campaigns) would only rescore
 * unchanged customers, or ids that are not customers at all (a campaign's spend).
 */
export const CHURN_INPUT_EVENTS: ReadonlySet<string> = new Set([
  'InteractionRecorded',
  'OrderPlaced',
  'OrderPaid',
  'SubscriptionChanged',
  'TicketOpened',
  'TicketStatusChanged',
  'TicketResolved',
  'SlaBreached',
  'SurveyAnswered',
  'CustomersMerged',
]);

/**
 * Messages still to read in a chunk's partition above which the consumer is catching up (a
 * rebuild from offset 0, the end of a long outage) rather than following along.
 */
export const DEFAULT_CHURN_CATCH_UP_LAG = 5_000;

/** How long a partition's last position counts: after a rebalance another process may read it. */
const POSITION_TTL_MS = 30_000;

export interface ChurnRescoring {
  /** The consumer's afterApply. */
  afterApply: AfterApply;
  /** Customers queued while catching up are scored now, a page per transaction (unless catching up again). */
  drainBacklog(): Promise<number>;
}

/**
 * After a chunk of events is written to the read models, in the same transaction: every
 * customer the chunk touched is scored again as of its tenant's reference time, so a level
 * change and its ChurnRiskChanged commit with the events that caused it.
 *
 * While the consumer is catching up, scoring each chunk's customers would score a customer
 * again for every chunk that holds one of its events (in a rebuild, dozens of times, each
 * reading all of its read models) and publish the levels of the past along the way. Then the
 * chunk only queues its customers in churn_rescore_backlog, in its own transaction (so a crash
 * loses none), and the backlog is scored once the consumer has caught up: each customer once,
 * from its final read models.
 */
export function createChurnRescoring(dataSource: ServiceDependencies['dataSource'], options: { catchUpLag?: number } = {}): ChurnRescoring {
  const catchUpLag = options.catchUpLag ?? DEFAULT_CHURN_CATCH_UP_LAG;
  // Per partition, how far behind its last chunk was: the consumer catches up until every one is
  // within the lag (a partition's final chunk of a backlog always is).
  const farBehind = new Map<string, number>();
  const catchingUp = () => {
    const now = Date.now();
    for (const [partition, seenAt] of farBehind) if (now - seenAt > POSITION_TTL_MS) farBehind.delete(partition);
    return farBehind.size > 0;
  };
  return {
    async afterApply(events, manager, position) {
      const byTenant = new Map<string, Set<string>>();
      for (const event of events) {
        if (!CHURN_INPUT_EVENTS.has(event.type)) continue;
        let customers = byTenant.get(event.tenantId);
        if (!customers) byTenant.set(event.tenantId, (customers = new Set()));
        customers.add(event.customerId);
      }
      const key = `${position.topic}/${position.partition}`;
      if (position.behind > catchUpLag) farBehind.set(key, Date.now());
      else farBehind.delete(key);
      // Any partition far behind holds back scoring on all: a customer's events travel on several
      // topics, and one that has caught up would be scored before the others had brought the rest.
      if (catchingUp()) {
        for (const [tenantId, customerIds] of byTenant) {
          const scope = await enterTenant(manager, tenantId);
          await scope.manager.query(
            `INSERT INTO churn_rescore_backlog (tenant_id, customer_id) SELECT $1, unnest($2::uuid[]) ORDER BY 2 ON CONFLICT DO NOTHING`,
            [tenantId, [...customerIds]],
          );
        }
        return;
      }
      const now = new Date();
      for (const [tenantId, customerIds] of byTenant) {
        const scope = await enterTenant(manager, tenantId);
        await recomputeChurnRisk(scope, [...customerIds], await referenceTime(manager, tenantId, now));
      }
    },
    async drainBacklog() {
      if (catchingUp()) return 0;
      // Row-level security shows no tenant's rows without one set: finding the tenants is the one cross-tenant read.
      const tenants = (await acrossTenants(dataSource, (manager) => manager.query(`SELECT DISTINCT tenant_id FROM churn_rescore_backlog`))) as { tenant_id: string }[];
      let scored = 0;
      for (const { tenant_id: tenantId } of tenants) {
        for (;;) {
          if (catchingUp()) return scored;
          const page = await withTenant(
            dataSource,
            tenantId,
            async (scope) => {
              const taken: { customer_id: string }[] = await scope.manager.query(
                // A SELECT around the DELETE: the driver answers a bare DELETE ... RETURNING with [rows, count].
                `WITH taken AS (
                   DELETE FROM churn_rescore_backlog WHERE tenant_id = $1 AND customer_id IN (
                     SELECT customer_id FROM churn_rescore_backlog WHERE tenant_id = $1 ORDER BY customer_id LIMIT $2 FOR UPDATE SKIP LOCKED)
                   RETURNING customer_id)
                 SELECT customer_id FROM taken`,
                [tenantId, BACKLOG_PAGE],
              );
              if (taken.length > 0) {
                const ids = taken.map((row) => row.customer_id).sort();
                await recomputeChurnRisk(scope, ids, await referenceTime(scope.manager, tenantId, new Date()));
              }
              return taken.length;
            },
            { ownTransaction: true },
          );
          scored += page;
          if (page < BACKLOG_PAGE) break;
        }
      }
      return scored;
    },
  };
}

/** Customers scored per transaction when the backlog is drained. */
const BACKLOG_PAGE = 1_000;

/** Drains the backlog every `intervalMs` (and once on start: a crash may have left one). */
export function createChurnBacklogDrain(dependencies: ServiceDependencies, rescoring: ChurnRescoring, options: { intervalMs?: number } = {}): ServiceComponent {
  const log = dependencies.logger.child({ component: 'churn-backlog' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= rescoring
      .drainBacklog()
      .then(
        (scored) => {
          if (scored > 0) log.info({ scored }, 'scored the customers queued while catching up');
        },
        (error: unknown) => log.error({ err: error }, 'scoring the queued customers failed; retrying'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  return {
    name: 'churn-backlog',
    async start() {
      timer = setInterval(tick, options.intervalMs ?? 1_000);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export const DEFAULT_CHURN_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** The analytics-only variables, parsed in the entry point beside the service kit's. */
export const analyticsEnvironmentSchema = z.object({
  // How often every customer is rescored as time passes; 0 turns the sweep off.
  CHURN_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(DEFAULT_CHURN_SWEEP_INTERVAL_MS),
  // Messages still to read in a partition above which churn scoring waits until the consumer has caught up.
  CHURN_CATCH_UP_LAG: z.coerce.number().int().min(0).default(DEFAULT_CHURN_CATCH_UP_LAG),
});

export interface ChurnSweep extends ServiceComponent {
  /** One sweep now, as of `clock()` (each tenant's reference time when it has one). */
  runOnce(): Promise<SweepResult>;
}

/**
 * Rescores every customer every `intervalMs` (time passing is an input: a due date passes, a
 * quiet month goes by). Sweeps never overlap; `stop` waits for the one under way. A failed
 * sweep is logged and the next one runs on time.
 */
export function createChurnSweep(dependencies: ServiceDependencies, options: { intervalMs: number; clock?: () => Date }): ChurnSweep {
  const clock = options.clock ?? (() => new Date());
  const log = dependencies.logger.child({ component: 'churn-sweep' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<SweepResult> | undefined;
  const runOnce = () =>
    (running ??= sweepChurnRisk(dependencies.dataSource, { now: clock() }).finally(() => {
      running = undefined;
    }));
  return {
    name: 'churn-sweep',
    runOnce,
    async start() {
      if (options.intervalMs <= 0) return;
      timer = setInterval(() => {
        runOnce().then(
          (result) => log.info(result, 'churn risk sweep done'),
          (error: unknown) => log.error({ err: error }, 'churn risk sweep failed'),
        );
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
