import { DealWonV1 } from '@rapport/events';
import { on } from '@rapport/messaging';
import { advanceLifecycleStage, lockEventCustomer, recordPurchaseFact } from '../modules/lifecycle/lifecycle.service.js';
import { createAutomaticTask } from '../modules/task/task.automation.js';

/** Onboarding is due within this many days of the win. */
export const ONBOARDING_DUE_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A won deal: the first purchase moves the customer to RETENTION; a deal won by a customer who
 * had already won a deal or paid an order is an upsell or cross-sell: EXPANSION. Either way the
 * deal's owner (or, without one, the customer's owner) gets an onboarding task.
 */
export const dealWonHandler = on(DealWonV1, async (event, scope) => {
  const customer = await lockEventCustomer(scope, event.customerId);
  if (!customer) return;
  const closedAt = new Date(event.payload.closedAt);
  const { hadPurchased } = await recordPurchaseFact(scope, customer.id, 'WON_DEAL', closedAt);
  const moved = await advanceLifecycleStage(scope, customer, {
    toStage: hadPurchased ? 'EXPANSION' : 'RETENTION',
    reason: hadPurchased ? 'UPSELL_DEAL_WON' : 'FIRST_DEAL_WON',
    at: closedAt,
  });
  // An erased customer keeps anonymous facts only; a task titled after the deal would add text back.
  if (moved.erasedAt) return;
  await createAutomaticTask(scope, {
    customerId: customer.id,
    title: `Onboard after won deal: ${event.payload.title}`,
    reason: 'DEAL_WON',
    assigneeId: event.payload.ownerId ?? customer.ownerId,
    dueAt: new Date(closedAt.getTime() + ONBOARDING_DUE_DAYS * DAY_MS),
  });
});
