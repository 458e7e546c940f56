import { OrderPaidV1 } from '@rapport/events';
import { on } from '@rapport/messaging';

/** OrderPaid -> the customer's first paid order, from which the NPS invitation is timed (90 days). */
export const orderPaidHandler = on(OrderPaidV1, async (event, scope) => {
  await scope.manager.query(
    `INSERT INTO customer_first_purchases (tenant_id, customer_id, first_paid_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, customer_id) DO UPDATE SET first_paid_at = least(customer_first_purchases.first_paid_at, excluded.first_paid_at)`,
    [scope.tenantId, event.customerId, event.payload.paidAt],
  );
});
