import { DealLostV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';
import { closeDeals } from './deal-closed.js';

/** DealLost -> the deal closed as LOST, with its reason. */
export const dealLostHandler = onBatch(DealLostV1, async (events, scope) => {
  await closeDeals(
    scope,
    events.map(({ customerId, payload }) => ({ ...payload, customerId, status: 'LOST' as const, lostReason: payload.reason })),
  );
});
