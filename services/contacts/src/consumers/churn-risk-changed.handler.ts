import { ChurnRiskChangedV1, type PayloadOf } from '@rapport/events';
import { on } from '@rapport/messaging';
import { lockEventCustomer } from '../modules/lifecycle/lifecycle.service.js';
import { createAutomaticTask } from '../modules/task/task.automation.js';

/** Someone should talk to an at-risk customer within two days: proactive, not reactive (seed 001). */
export const CHURN_FOLLOW_UP_DUE_DAYS = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The task's reason: the score and every signal with its points and what analytics saw. */
export function churnFollowUpReason(payload: PayloadOf<typeof ChurnRiskChangedV1>): string {
  const signals = payload.signals.map((signal) => `${signal.name} (${signal.weight} pts): ${signal.detail}`);
  return [`Churn risk HIGH, score ${payload.score}/100`, ...signals].join('; ');
}

/**
 * A rise of churn risk to HIGH becomes one follow-up task for the customer's owner (unowned: an
 * unassigned task), once per episode: while the last level heard is HIGH, further HIGH events add
 * nothing; a new task comes only after the level went below HIGH and back. Redelivery of the
 * same event is absorbed by the inbox, in the same transaction as the task.
 */
export const churnRiskChangedHandler = on(ChurnRiskChangedV1, async (event, scope) => {
  const customer = await lockEventCustomer(scope, event.customerId);
  if (!customer || customer.erasedAt) return;
  const heardAt = new Date(event.occurredAt);
  const [state]: { level: string; heard_at: Date; episode_task_id: string | null }[] = await scope.manager.query(
    `SELECT level, heard_at, episode_task_id FROM churn_follow_ups WHERE tenant_id = $1 AND customer_id = $2`,
    [scope.tenantId, customer.id],
  );
  // Events of a merged id travel under another key and may arrive late: older news changes nothing.
  if (state && state.heard_at.getTime() > heardAt.getTime()) return;
  let taskId = state?.episode_task_id ?? null;
  const rises = event.payload.level === 'HIGH' && state?.level !== 'HIGH';
  if (rises) {
    const task = await createAutomaticTask(scope, {
      customerId: customer.id,
      title: 'Churn risk is HIGH: reach out to the customer',
      reason: churnFollowUpReason(event.payload),
      assigneeId: customer.ownerId,
      dueAt: new Date(heardAt.getTime() + CHURN_FOLLOW_UP_DUE_DAYS * DAY_MS),
    });
    taskId = task.id;
  }
  await scope.manager.query(
    `INSERT INTO churn_follow_ups (tenant_id, customer_id, level, score, heard_at, episode_task_id, episodes)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE
       SET level = excluded.level, score = excluded.score, heard_at = excluded.heard_at,
           episode_task_id = excluded.episode_task_id, episodes = churn_follow_ups.episodes + excluded.episodes`,
    [scope.tenantId, customer.id, event.payload.level, event.payload.score, heardAt, taskId, rises ? 1 : 0],
  );
});
