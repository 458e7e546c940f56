import { DealStageChangedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';
import { advanceLifecycleStage, lockEventCustomer } from '../modules/lifecycle/lifecycle.service.js';

/** A deal opened for a customer (its first stage entry): the customer is being nurtured. */
export const dealStageChangedHandler = on(DealStageChangedV1, async (event, scope) => {
  if (event.payload.fromStageId !== null) return;
  const customer = await lockEventCustomer(scope, event.customerId);
  if (!customer) return;
  await advanceLifecycleStage(scope, customer, { toStage: 'NURTURING', reason: 'DEAL_OPENED', at: new Date(event.payload.changedAt) });
});
