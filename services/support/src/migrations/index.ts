import { messagingMigrations } from '@rapport/messaging';
import { CreateAuditLog1764400000000 } from '@rapport/service-kit';
import { CreateSurveyResponses1732300000000 } from './1732300000000-create-survey-responses.js';
import { CreateTicketsAndSla1764100000000 } from './1764100000000-create-tickets-and-sla.js';
import { CreateSurveyInvitations1764100000100 } from './1764100000100-create-survey-invitations.js';
import { SurveyConsentAndFirstPurchase1764500000000 } from './1764500000000-survey-consent-and-first-purchase.js';

/** Every migration of this service, oldest first. */
export const migrations = [
  CreateSurveyResponses1732300000000,
  ...messagingMigrations,
  CreateAuditLog1764400000000,
  CreateTicketsAndSla1764100000000,
  CreateSurveyInvitations1764100000100,
  SurveyConsentAndFirstPurchase1764500000000,
];
