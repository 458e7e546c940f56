import { dateTimeScalar, jsonScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { createMessaging } from '@rapport/messaging';
import { churnRiskChangedHandler } from './consumers/churn-risk-changed.handler.js';
import { customerImportRequestedHandler } from './consumers/customer-import-requested.handler.js';
import { dealStageChangedHandler } from './consumers/deal-stage-changed.handler.js';
import { dealWonHandler } from './consumers/deal-won.handler.js';
import { followUpRequestedHandler } from './consumers/follow-up-requested.handler.js';
import { leadConvertedHandler } from './consumers/lead-converted.handler.js';
import { orderPaidHandler } from './consumers/order-paid.handler.js';
import { routingRuleUpsertedHandler } from './consumers/routing-rule-upserted.handler.js';
import { surveyAnsweredHandler } from './consumers/survey-answered.handler.js';
import { createContactsContext, type ContactsContext } from './context.js';
import { migrations } from './migrations/index.js';
import { ContactEntity } from './modules/contact/contact.entity.js';
import { contactResolvers } from './modules/contact/contact.resolvers.js';
import { CustomerEntity } from './modules/customer/customer.entity.js';
import { customerResolvers } from './modules/customer/customer.resolvers.js';
import { dataQualityResolvers } from './modules/data-quality/data-quality.resolvers.js';
import { importResolvers } from './modules/import/import.resolvers.js';
import { mountCustomerImportRoute } from './modules/import/import.routes.js';
import { FieldDefinitionEntity } from './modules/field-definition/field-definition.entity.js';
import { fieldDefinitionResolvers } from './modules/field-definition/field-definition.resolvers.js';
import { InteractionEntity } from './modules/interaction/interaction.entity.js';
import { interactionResolvers } from './modules/interaction/interaction.resolvers.js';
import { MemberEntity } from './modules/member/member.entity.js';
import { memberResolvers } from './modules/member/member.resolvers.js';
import { TaskEntity } from './modules/task/task.entity.js';
import { taskResolvers } from './modules/task/task.resolvers.js';
import { typeDefs } from './schema.js';

export const contactsService: ServiceDefinition<ContactsContext> = {
  name: 'contacts',
  typeDefs,
  resolvers: mergeResolvers(
    { DateTime: dateTimeScalar, JSON: jsonScalar },
    customerResolvers,
    fieldDefinitionResolvers,
    contactResolvers,
    interactionResolvers,
    taskResolvers,
    memberResolvers,
    dataQualityResolvers,
    importResolvers,
  ),
  entities: [CustomerEntity, FieldDefinitionEntity, ContactEntity, InteractionEntity, TaskEntity, MemberEntity],
  migrations,
  createContext: createContactsContext,
  components: (dependencies) =>
    createMessaging(dependencies, {
      service: 'contacts',
      publishes: true,
      consumers: [
        {
          groupId: 'contacts',
          handlers: [
            leadConvertedHandler,
            dealStageChangedHandler,
            dealWonHandler,
            orderPaidHandler,
            surveyAnsweredHandler,
            followUpRequestedHandler,
            routingRuleUpsertedHandler,
            churnRiskChangedHandler,
          ],
        },
        // Its own group: creating customers for imports never waits behind the automations.
        { groupId: 'contacts-imports', handlers: [customerImportRequestedHandler] },
      ],
    }).components,
  routes: (app, { subgraph }) => mountCustomerImportRoute(app, subgraph),
};
