import type { FollowUpRequestedV1, PayloadOf, SurveyAnsweredV1, SurveyInvitedV1 } from '@rapport/events';
import type { SurveyResponseRow } from '../satisfaction/survey-response.entity.js';
import type { SurveyInvitationRow } from './survey-invitation.entity.js';

export function toSurveyInvitedPayload(row: SurveyInvitationRow): PayloadOf<typeof SurveyInvitedV1> {
  return { invitationId: row.id, kind: row.kind, trigger: row.trigger, ticketId: row.ticketId, sentAt: row.sentAt.toISOString() };
}

/** The comment stays out: free text may hold personal data. */
export function toSurveyAnsweredPayload(invitation: SurveyInvitationRow, response: SurveyResponseRow): PayloadOf<typeof SurveyAnsweredV1> {
  return {
    invitationId: invitation.id,
    responseId: response.id,
    kind: response.kind,
    score: response.score,
    trigger: invitation.trigger,
    answeredAt: response.answeredAt.toISOString(),
  };
}

export function toFollowUpRequestedPayload(
  response: SurveyResponseRow,
  reason: 'NPS_DETRACTOR' | 'LOW_CSAT',
): PayloadOf<typeof FollowUpRequestedV1> {
  return {
    invitationId: response.invitationId!,
    responseId: response.id,
    kind: response.kind,
    score: response.score,
    reason,
    requestedAt: response.answeredAt.toISOString(),
  };
}
