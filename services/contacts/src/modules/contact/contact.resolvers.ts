import { notFound } from '@rapport/service-kit';
import type { Resolvers } from '../../generated/graphql.js';

export const contactResolvers: Resolvers = {
  Mutation: {
    addContact: async (_parent, { input }, context) => ({ contact: await context.services.contacts.add(context.auth, input) }),
    addContacts: async (_parent, { input }, context) => ({ contacts: await context.services.contacts.addAll(context.auth, input.contacts) }),
    updateContactConsent: async (_parent, { input }, context) => ({ contact: await context.services.contacts.updateConsent(context.auth, input) }),
  },
  Contact: {
    customer: async (contact, _args, context) =>
      (await context.loaders.customer.load(contact.customerId)) ?? Promise.reject(notFound('customer', contact.customerId)),
  },
};
