import { EntitySchema } from 'typeorm';

export type SurveyKind = 'CSAT' | 'NPS' | 'CES';

/** One answer to a survey invitation. */
export interface SurveyResponseRow {
  id: string;
  tenantId: string;
  customerId: string;
  /** Null for answers stored before invitations existed. */
  invitationId: string | null;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  answeredAt: Date;
}

export const SurveyResponseEntity = new EntitySchema<SurveyResponseRow>({
  name: 'SurveyResponse',
  tableName: 'survey_responses',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    invitationId: { name: 'invitation_id', type: 'uuid', nullable: true },
    kind: { type: 'text' },
    score: { type: 'int' },
    comment: { type: 'text', nullable: true },
    answeredAt: { name: 'answered_at', type: 'timestamptz' },
  },
});
