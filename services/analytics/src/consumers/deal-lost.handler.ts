import { DealLostV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { closeDeal } from './deal-closed.js';

/** DealLost -> the deal closed as LOST, with its reason. */
export const dealLostHandler = onBatch(DealLostV1, async (events, scope) => {
  for (const { customerId, payload } of events) {
    await closeDeal(scope, { ...payload, customerId, status: 'LOST', lostReason: payload.reason });
  }
});
