import type { RequestContext, ServiceDependencies } from '@rapport/service-kit';
import { createCustomerLoader } from './modules/customer/customer.loader.js';
import { CustomerService } from './modules/customer/customer.service.js';
import { FieldDefinitionService } from './modules/field-definition/field-definition.service.js';

export interface ContactsContext extends RequestContext {
  services: { customers: CustomerService; fieldDefinitions: FieldDefinitionService };
  loaders: { customer: ReturnType<typeof createCustomerLoader> };
}

export function createContactsContext(base: RequestContext, dependencies: ServiceDependencies): ContactsContext {
  const customers = new CustomerService(dependencies.dataSource);
  return {
    ...base,
    services: { customers, fieldDefinitions: new FieldDefinitionService(dependencies.dataSource) },
    loaders: { customer: createCustomerLoader(customers, () => base.auth) },
  };
}
