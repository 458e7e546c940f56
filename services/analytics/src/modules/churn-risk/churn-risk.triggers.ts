import type { AfterApply } from '@rapport/messaging';
import { enterTenant, type ServiceComponent, type ServiceDependencies } from '@rapport/service-kit';
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
 * After a chunk of events is written to the read models, in the same transaction: every
 * customer the chunk touched is scored again as of its tenant's reference time, so a level
 * change and its ChurnRiskChanged commit with the events that caused it.
 */
export const rescoreAfterEvents: AfterApply = async (events, manager) => {
  const byTenant = new Map<string, Set<string>>();
  for (const event of events) {
    if (!CHURN_INPUT_EVENTS.has(event.type)) continue;
    let customers = byTenant.get(event.tenantId);
    if (!customers) byTenant.set(event.tenantId, (customers = new Set()));
    customers.add(event.customerId);
  }
  const now = new Date();
  for (const [tenantId, customerIds] of byTenant) {
    const scope = await enterTenant(manager, tenantId);
    await recomputeChurnRisk(scope, [...customerIds], await referenceTime(manager, tenantId, now));
  }
};

export const DEFAULT_CHURN_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** The analytics-only variables, parsed in the entry point beside the service kit's. */
export const analyticsEnvironmentSchema = z.object({
  // How often every customer is rescored as time passes; 0 turns the sweep off.
  CHURN_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(DEFAULT_CHURN_SWEEP_INTERVAL_MS),
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
