import { DealWonV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { closeDeal } from './deal-closed.js';

/** DealWon -> the deal closed as WON (win rate, cycle time, owner performance). */
export const dealWonHandler = onBatch(DealWonV1, async (events, scope) => {
  for (const { customerId, payload } of events) {
    await closeDeal(scope, { ...payload, customerId, status: 'WON', lostReason: null });
  }
});
