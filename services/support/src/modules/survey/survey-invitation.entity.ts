import { EntitySchema } from 'typeorm';
import type { SurveyKind } from '../satisfaction/survey-response.entity.js';

export interface SurveyInvitationRow {
  id: string;
  tenantId: string;
  customerId: string;
  kind: SurveyKind;
  /** What the customer did that caused it, e.g. TICKET_RESOLVED. */
  trigger: string;
  ticketId: string | null;
  sentAt: Date;
  answeredAt: Date | null;
}

export const SurveyInvitationEntity = new EntitySchema<SurveyInvitationRow>({
  name: 'SurveyInvitation',
  tableName: 'survey_invitations',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    customerId: { name: 'customer_id', type: 'uuid' },
    kind: { type: 'text' },
    trigger: { type: 'text' },
    ticketId: { name: 'ticket_id', type: 'uuid', nullable: true },
    sentAt: { name: 'sent_at', type: 'timestamptz' },
    answeredAt: { name: 'answered_at', type: 'timestamptz', nullable: true },
  },
});
