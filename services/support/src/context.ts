import type { RequestContext, ServiceDependencies } from '@rapport/service-kit';
import type { Clock } from './clock.js';
import { createSatisfactionLoader } from './modules/satisfaction/satisfaction.loader.js';
import { SatisfactionService } from './modules/satisfaction/satisfaction.service.js';
import { SlaService } from './modules/sla/sla.service.js';
import { SurveyService } from './modules/survey/survey.service.js';
import { createCommentsLoader, createCustomerTicketsLoader, createTicketLoader } from './modules/ticket/ticket.loader.js';
import { TicketService, type TicketServiceOptions } from './modules/ticket/ticket.service.js';

export interface SupportContext extends RequestContext {
  clock: Clock;
  services: { tickets: TicketService; sla: SlaService; surveys: SurveyService };
  loaders: {
    satisfaction: ReturnType<typeof createSatisfactionLoader>;
    ticket: ReturnType<typeof createTicketLoader>;
    commentsOfTicket: ReturnType<typeof createCommentsLoader>;
    ticketsOfCustomer: ReturnType<typeof createCustomerTicketsLoader>;
  };
}

/** What the support services are built from besides the database: the clock and the rules' settings. */
export interface SupportSettings extends TicketServiceOptions {
  clock: Clock;
}

export function createSupportServices(dependencies: Pick<ServiceDependencies, 'dataSource'>, settings: SupportSettings) {
  return {
    tickets: new TicketService(dependencies.dataSource, settings.clock, settings),
    sla: new SlaService(dependencies.dataSource, settings.clock),
    surveys: new SurveyService(dependencies.dataSource, settings.clock),
  };
}

export function createSupportContext(base: RequestContext, dependencies: ServiceDependencies, settings: SupportSettings): SupportContext {
  const auth = () => base.auth;
  const satisfaction = new SatisfactionService(dependencies.dataSource);
  const services = createSupportServices(dependencies, settings);
  return {
    ...base,
    clock: settings.clock,
    services,
    loaders: {
      satisfaction: createSatisfactionLoader(satisfaction, auth),
      ticket: createTicketLoader(services.tickets, auth),
      commentsOfTicket: createCommentsLoader(services.tickets, auth),
      ticketsOfCustomer: createCustomerTicketsLoader(services.tickets, auth),
    },
  };
}
