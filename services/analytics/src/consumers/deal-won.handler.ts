import { DealWonV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { closeDeals } from './deal-closed.js';

/** DealWon -> the deal closed as WON (win rate, cycle time, owner performance). */
export const dealWonHandler = onBatch(DealWonV1, async (events, scope) => {
  await closeDeals(
    scope,
    events.map(({ customerId, payload }) => ({ ...payload, customerId, status: 'WON' as const, lostReason: null })),
  );
});
