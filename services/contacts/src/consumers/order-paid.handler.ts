import { OrderPaidV1 } from '@rapport/events';
import { on } from '@rapport/messaging';
import { advanceLifecycleStage, lockEventCustomer, recordPurchaseFact } from '../modules/lifecycle/lifecycle.service.js';

/** A paid order makes a paying customer: the first one moves the customer to RETENTION. */
export const orderPaidHandler = on(OrderPaidV1, async (event, scope) => {
  const customer = await lockEventCustomer(scope, event.customerId);
  if (!customer) return;
  const paidAt = new Date(event.payload.paidAt);
  const { hadPurchased } = await recordPurchaseFact(scope, customer.id, 'PAID_ORDER', paidAt);
  if (hadPurchased) return;
  await advanceLifecycleStage(scope, customer, { toStage: 'RETENTION', reason: 'FIRST_ORDER_PAID', at: paidAt });
});
