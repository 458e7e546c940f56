import { CustomerErasedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';

export const ERASED_TICKET_SUBJECT = 'Erased ticket';
export const ERASED_COMMENT_BODY = 'Erased comment';

/**
 * CustomerErased -> what the customer or agents wrote goes: ticket subjects and descriptions,
 * comment bodies, survey answers' comments. Priorities, statuses, times, SLA facts and scores
 * stay: anonymous facts the metrics need. Support's events never carried this text.
 */
export const customerErasedHandler = on(CustomerErasedV1, async (event, scope) => {
  const params = [scope.tenantId, event.customerId];
  await scope.manager.query(
    `UPDATE ticket_comments comment SET body = $3
       FROM tickets ticket
      WHERE ticket.tenant_id = $1 AND ticket.customer_id = $2 AND comment.tenant_id = $1 AND comment.ticket_id = ticket.id`,
    [...params, ERASED_COMMENT_BODY],
  );
  await scope.manager.query(`UPDATE tickets SET subject = $3, description = NULL WHERE tenant_id = $1 AND customer_id = $2`, [
    ...params,
    ERASED_TICKET_SUBJECT,
  ]);
  await scope.manager.query(`UPDATE survey_responses SET comment = NULL WHERE tenant_id = $1 AND customer_id = $2`, params);
  // No email can reach an erased customer any more: no survey is sent to it again.
  await scope.manager.query(`DELETE FROM contact_consents WHERE tenant_id = $1 AND customer_id = $2`, params);
});
