import type { RequestContext, ServiceDependencies } from '@rapport/service-kit';
import { ContactService } from './modules/contact/contact.service.js';
import { createContactsLoader, createCustomerLoader, createTasksLoader } from './modules/customer/customer.loader.js';
import { CustomerErasureService } from './modules/customer/customer-erasure.service.js';
import { CustomerMergeService } from './modules/customer/customer-merge.service.js';
import { CustomerSearchService } from './modules/customer/customer-search.service.js';
import { CustomerService } from './modules/customer/customer.service.js';
import { DataQualityService } from './modules/data-quality/data-quality.service.js';
import type { FieldDefinitionRow } from './modules/field-definition/field-definition.entity.js';
import { FieldDefinitionService } from './modules/field-definition/field-definition.service.js';
import { CustomerImportService } from './modules/import/customer-import.service.js';
import { InteractionService } from './modules/interaction/interaction.service.js';
import { MemberService } from './modules/member/member.service.js';
import { TaskService } from './modules/task/task.service.js';

export interface ContactsContext extends RequestContext {
  services: {
    customers: CustomerService;
    search: CustomerSearchService;
    merges: CustomerMergeService;
    erasure: CustomerErasureService;
    fieldDefinitions: FieldDefinitionService;
    contacts: ContactService;
    interactions: InteractionService;
    tasks: TaskService;
    members: MemberService;
    dataQuality: DataQualityService;
    imports: CustomerImportService;
  };
  loaders: {
    customer: ReturnType<typeof createCustomerLoader>;
    contactsOfCustomer: ReturnType<typeof createContactsLoader>;
    tasksOfCustomer: ReturnType<typeof createTasksLoader>;
    /** The workspace's field definitions, read at most once per request. */
    fieldDefinitions: () => Promise<FieldDefinitionRow[]>;
  };
}

export function createContactsContext(base: RequestContext, dependencies: ServiceDependencies): ContactsContext {
  const { dataSource } = dependencies;
  const auth = () => base.auth;
  const services = {
    customers: new CustomerService(dataSource),
    search: new CustomerSearchService(dataSource),
    merges: new CustomerMergeService(dataSource),
    erasure: new CustomerErasureService(dataSource),
    fieldDefinitions: new FieldDefinitionService(dataSource),
    contacts: new ContactService(dataSource),
    interactions: new InteractionService(dataSource),
    tasks: new TaskService(dataSource),
    members: new MemberService(dataSource),
    dataQuality: new DataQualityService(dataSource),
    imports: new CustomerImportService(dataSource),
  };
  let definitions: Promise<FieldDefinitionRow[]> | undefined;
  return {
    ...base,
    services,
    loaders: {
      customer: createCustomerLoader(services.customers, auth),
      contactsOfCustomer: createContactsLoader(services.contacts, auth),
      tasksOfCustomer: createTasksLoader(services.tasks, auth),
      fieldDefinitions: () => (definitions ??= services.dataQuality.definitions(base.auth)),
    },
  };
}
