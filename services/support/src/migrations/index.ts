import { messagingMigrations } from '@rapport/messaging';
import { CreateSurveyResponses1732300000000 } from './1732300000000-create-survey-responses.js';

/** Every migration of this service, oldest first. */
export const migrations = [CreateSurveyResponses1732300000000, ...messagingMigrations];
