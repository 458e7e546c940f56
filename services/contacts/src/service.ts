import { dateTimeScalar, jsonScalar, mergeResolvers, type ServiceDefinition } from '@rapport/service-kit';
import { createMessaging } from '@rapport/messaging';
import { createContactsContext, type ContactsContext } from './context.js';
import { migrations } from './migrations/index.js';
import { CustomerEntity } from './modules/customer/customer.entity.js';
import { customerResolvers } from './modules/customer/customer.resolvers.js';
import { FieldDefinitionEntity } from './modules/field-definition/field-definition.entity.js';
import { fieldDefinitionResolvers } from './modules/field-definition/field-definition.resolvers.js';
import { typeDefs } from './schema.js';

export const contactsService: ServiceDefinition<ContactsContext> = {
  name: 'contacts',
  typeDefs,
  resolvers: mergeResolvers({ DateTime: dateTimeScalar, JSON: jsonScalar }, customerResolvers, fieldDefinitionResolvers),
  entities: [CustomerEntity, FieldDefinitionEntity],
  migrations,
  createContext: createContactsContext,
  components: (dependencies) => createMessaging(dependencies, { service: 'contacts', publishes: true }).components,
};
