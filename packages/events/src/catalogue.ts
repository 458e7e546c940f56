import {
  CustomerCreatedV1,
  CustomerErasedV1,
  CustomersMergedV1,
  CustomerUpdatedV1,
  LifecycleStageChangedV1,
} from './contracts/customer.events.js';
import { CustomerImportRequestedV1 } from './contracts/import.events.js';
import { DealLostV1, DealStageChangedV1, DealWonV1 } from './contracts/deal.events.js';
import { CampaignSpendRecordedV1 } from './contracts/campaign.events.js';
import { ChurnRiskChangedV1 } from './contracts/churn-risk.events.js';
import { ContactAddedV1, ContactConsentChangedV1, TaskCompletedV1, TaskCreatedV1 } from './contracts/contact.events.js';
import { InteractionRecordedV1 } from './contracts/interaction.events.js';
import { LeadConvertedV1, LeadCreatedV1, LeadDisqualifiedV1, RoutingRuleUpsertedV1 } from './contracts/lead.events.js';
import { MemberUpsertedV1 } from './contracts/member.events.js';
import { OrderPaidV1, OrderPlacedV1 } from './contracts/order.events.js';
import { SubscriptionChangedV1 } from './contracts/subscription.events.js';
import {
  SlaBreachedV1,
  TicketAssignedV1,
  TicketFirstRespondedV1,
  TicketOpenedV1,
  TicketResolvedV1,
  TicketStatusChangedV1,
} from './contracts/ticket.events.js';
import { FollowUpRequestedV1, SurveyAnsweredV1, SurveyInvitedV1 } from './contracts/survey.events.js';
import type { EventDefinition } from './define-event.js';

/** Every event contract, every version. A consumer only understands what is listed here. */
export const EVENT_CATALOGUE: readonly EventDefinition[] = [
  CustomerCreatedV1,
  CustomerUpdatedV1,
  LifecycleStageChangedV1,
  CustomersMergedV1,
  CustomerErasedV1,
  CustomerImportRequestedV1,
  InteractionRecordedV1,
  ContactAddedV1,
  ContactConsentChangedV1,
  TaskCreatedV1,
  TaskCompletedV1,
  MemberUpsertedV1,
  TicketOpenedV1,
  TicketStatusChangedV1,
  TicketAssignedV1,
  TicketFirstRespondedV1,
  TicketResolvedV1,
  SlaBreachedV1,
  OrderPlacedV1,
  OrderPaidV1,
  DealStageChangedV1,
  DealWonV1,
  DealLostV1,
  SubscriptionChangedV1,
  LeadCreatedV1,
  LeadConvertedV1,
  LeadDisqualifiedV1,
  RoutingRuleUpsertedV1,
  CampaignSpendRecordedV1,
  SurveyInvitedV1,
  SurveyAnsweredV1,
  FollowUpRequestedV1,
  ChurnRiskChangedV1,
];

const byKey = new Map(EVENT_CATALOGUE.map((definition) => [`${definition.type}@${definition.version}`, definition]));
const knownTypes = new Set(EVENT_CATALOGUE.map((definition) => definition.type));

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return byKey.get(`${type}@${version}`);
}

export function isKnownEventType(type: string): boolean {
  return knownTypes.has(type);
}
