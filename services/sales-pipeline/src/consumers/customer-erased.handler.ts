import { CustomerErasedV1 } from '@rapport/events';
import { on, redactOutboxPayloads } from '@rapport/messaging';

export const ERASED_LEAD_NAME = 'Erased lead';
export const ERASED_DEAL_TITLE = 'Erased deal';
export const ERASED_TEXT = 'Erased';

/**
 * CustomerErased -> the personal data this service holds for the customer goes: the names,
 * emails and companies of the leads that converted to it, and free text sellers wrote (deal
 * titles, lost reasons). Amounts, dates, stages and statuses stay: they are anonymous facts the
 * metrics need. Events of the customer still in the outbox are redacted the same way.
 */
export const customerErasedHandler = on(CustomerErasedV1, async (event, scope) => {
  const params = [scope.tenantId, event.customerId];
  const leads: { id: string }[] = await scope.manager.query(
    // As a SELECT: TypeORM answers an UPDATE ... RETURNING with [rows, count], not the rows.
    `WITH erased AS (UPDATE leads SET name = $3, email = NULL, company = NULL WHERE tenant_id = $1 AND customer_id = $2 RETURNING id) SELECT id FROM erased`,
    [...params, ERASED_LEAD_NAME],
  );
  await scope.manager.query(
    `UPDATE deals SET title = $3, lost_reason = CASE WHEN lost_reason IS NULL THEN NULL ELSE $4 END WHERE tenant_id = $1 AND customer_id = $2`,
    [...params, ERASED_DEAL_TITLE, ERASED_TEXT],
  );
  // A lead's events are keyed by the lead's id until it converts.
  await redactOutboxPayloads(scope.manager, {
    tenantId: scope.tenantId,
    messageKeys: [event.customerId, ...leads.map((lead) => lead.id)],
    redactions: { name: ERASED_LEAD_NAME, email: null, company: null, title: ERASED_DEAL_TITLE, reason: ERASED_TEXT },
  });
});
