import type { HandlerRegistration } from '@rapport/messaging';
import { campaignSpendRecordedHandler } from './campaign-spend-recorded.handler.js';
import { customerCreatedHandler } from './customer-created.handler.js';
import { customerErasedHandler } from './customer-erased.handler.js';
import { customersMergedHandler } from './customers-merged.handler.js';
import { customerUpdatedHandler } from './customer-updated.handler.js';
import { dealLostHandler } from './deal-lost.handler.js';
import { dealStageChangedHandler } from './deal-stage-changed.handler.js';
import { dealWonHandler } from './deal-won.handler.js';
import { interactionRecordedHandler } from './interaction-recorded.handler.js';
import { leadConvertedHandler } from './lead-converted.handler.js';
import { leadCreatedHandler } from './lead-created.handler.js';
import { lifecycleStageChangedHandler } from './lifecycle-stage-changed.handler.js';
import { orderPaidHandler } from './order-paid.handler.js';
import { orderPlacedHandler } from './order-placed.handler.js';
import { slaBreachedHandler } from './sla-breached.handler.js';
import { subscriptionChangedHandler } from './subscription-changed.handler.js';
import { surveyAnsweredHandler } from './survey-answered.handler.js';
import { ticketFirstRespondedHandler } from './ticket-first-responded.handler.js';
import { ticketOpenedHandler } from './ticket-opened.handler.js';
import { ticketResolvedHandler } from './ticket-resolved.handler.js';
import { ticketStatusChangedHandler } from './ticket-status-changed.handler.js';

/**
 * The read-model handlers of the KPI side: one per event type (a consumer holds one handler per
 * type and version). A rebuild replays the topics through these with a fresh consumer group.
 */
export const readModelHandlers: HandlerRegistration[] = [
  customerCreatedHandler,
  customerUpdatedHandler,
  lifecycleStageChangedHandler,
  customerErasedHandler,
  customersMergedHandler,
  interactionRecordedHandler,
  leadCreatedHandler,
  leadConvertedHandler,
  dealStageChangedHandler,
  dealWonHandler,
  dealLostHandler,
  orderPlacedHandler,
  orderPaidHandler,
  subscriptionChangedHandler,
  campaignSpendRecordedHandler,
  ticketOpenedHandler,
  ticketFirstRespondedHandler,
  ticketResolvedHandler,
  ticketStatusChangedHandler,
  slaBreachedHandler,
  surveyAnsweredHandler,
];
