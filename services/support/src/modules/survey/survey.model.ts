import type { SurveyKind, SurveyResponseRow } from '../satisfaction/survey-response.entity.js';
import type { SurveyInvitationRow } from './survey-invitation.entity.js';

export interface SurveyInvitationModel {
  id: string;
  customerId: string;
  kind: SurveyKind;
  sentAt: Date;
  trigger: string;
  answeredAt: Date | null;
}

export interface SurveyResponseModel {
  id: string;
  customerId: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  answeredAt: Date;
}

export function toSurveyInvitationModel(row: SurveyInvitationRow): SurveyInvitationModel {
  return { id: row.id, customerId: row.customerId, kind: row.kind, sentAt: row.sentAt, trigger: row.trigger, answeredAt: row.answeredAt };
}

export function toSurveyResponseModel(row: SurveyResponseRow): SurveyResponseModel {
  return { id: row.id, customerId: row.customerId, kind: row.kind, score: row.score, comment: row.comment, answeredAt: row.answeredAt };
}
