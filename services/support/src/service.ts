import { dateTimeScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { createMessaging } from '@rapport/messaging';
import { systemClock, type Clock } from './clock.js';
import { contactAddedHandler } from './consumers/contact-added.handler.js';
import { contactConsentChangedHandler } from './consumers/contact-consent-changed.handler.js';
import { customerErasedHandler } from './consumers/customer-erased.handler.js';
import { customersMergedHandler } from './consumers/customers-merged.handler.js';
import { orderPaidHandler } from './consumers/order-paid.handler.js';
import { createSupportContext, createSupportServices, type SupportContext, type SupportSettings } from './context.js';
import { migrations } from './migrations/index.js';
import { satisfactionResolvers } from './modules/satisfaction/satisfaction.resolvers.js';
import { SurveyResponseEntity } from './modules/satisfaction/survey-response.entity.js';
import { BusinessHoursEntity, SlaPolicyEntity } from './modules/sla/sla.entity.js';
import { slaResolvers } from './modules/sla/sla.resolvers.js';
import { TicketCommentEntity, TicketEntity } from './modules/ticket/ticket.entity.js';
import { ticketResolvers } from './modules/ticket/ticket.resolvers.js';
import { SurveyInvitationEntity } from './modules/survey/survey-invitation.entity.js';
import { surveyResolvers } from './modules/survey/survey.resolvers.js';
import { typeDefs } from './schema.js';
import { createTimers } from './timers.js';

export interface SupportServiceOptions {
  /** Where every time-dependent rule reads "now"; the system clock unless a test sets one. */
  clock?: Clock;
  /** Days a RESOLVED ticket stays quiet before it is closed (7). */
  quietDays?: number;
  /** How often SLA breaches, quiet tickets and due NPS surveys are checked (60 s); null runs no timer (tests call the jobs). */
  timerIntervalMs?: number | null;
}

export function createSupportService(options: SupportServiceOptions = {}): ServiceDefinition<SupportContext> {
  const settings: SupportSettings = { clock: options.clock ?? systemClock, ...(options.quietDays === undefined ? {} : { quietDays: options.quietDays }) };
  const timerIntervalMs = options.timerIntervalMs === undefined ? 60_000 : options.timerIntervalMs;
  return {
    name: 'support',
    typeDefs,
    resolvers: mergeResolvers({ DateTime: dateTimeScalar }, satisfactionResolvers, ticketResolvers, slaResolvers, surveyResolvers),
    entities: [SurveyResponseEntity, TicketEntity, TicketCommentEntity, SlaPolicyEntity, BusinessHoursEntity, SurveyInvitationEntity],
    migrations,
    createContext: (base, dependencies) => createSupportContext(base, dependencies, settings),
    components: (dependencies) => {
      const messaging = createMessaging(dependencies, {
        service: 'support',
        publishes: true,
        consumers: [{ groupId: 'support', handlers: [contactAddedHandler, contactConsentChangedHandler, orderPaidHandler, customersMergedHandler, customerErasedHandler] }],
      }).components;
      if (timerIntervalMs === null) return messaging;
      const services = createSupportServices(dependencies, settings);
      const timers = createTimers({
        clock: settings.clock,
        intervalMs: timerIntervalMs,
        logger: dependencies.logger,
        jobs: [
          { name: 'sla-breaches', run: (now) => services.sla.checkBreaches(now) },
          { name: 'close-quiet-tickets', run: (now) => services.tickets.closeQuietTickets(now) },
          { name: 'nps-invitations', run: (now) => services.surveys.inviteDueNps(now) },
        ],
      });
      return [...messaging, timers];
    },
  };
}

export const supportService = createSupportService();
