import { FollowUpRequestedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';
import { lockEventCustomer } from '../modules/lifecycle/lifecycle.service.js';
import { createAutomaticTask } from '../modules/task/task.automation.js';

/** The follow-up is due the next day: an unhappy customer is called back quickly ("close the loop"). */
export const FOLLOW_UP_DUE_DAYS = 1;
const DAY_MS = 24 * 60 * 60 * 1000;

const TITLES = {
  NPS_DETRACTOR: (score: number) => `Follow up: NPS detractor (scored ${score} of 10)`,
  LOW_CSAT: (score: number) => `Follow up: low CSAT (scored ${score} of 5)`,
} as const;

/** An unhappy survey answer becomes a task for the customer's owner (unowned: an unassigned task). */
export const followUpRequestedHandler = on(FollowUpRequestedV1, async (event, scope) => {
  const customer = await lockEventCustomer(scope, event.customerId);
  if (!customer || customer.erasedAt) return;
  const requestedAt = new Date(event.payload.requestedAt);
  await createAutomaticTask(scope, {
    customerId: customer.id,
    title: TITLES[event.payload.reason](event.payload.score),
    reason: event.payload.reason,
    assigneeId: customer.ownerId,
    dueAt: new Date(requestedAt.getTime() + FOLLOW_UP_DUE_DAYS * DAY_MS),
  });
});
