import { createGroupLoader, createKeyLoader, type AuthContext } from '@rapport/service-kit';
import type { ContactModel } from '../contact/contact.model.js';
import type { ContactService } from '../contact/contact.service.js';
import type { TaskModel } from '../task/task.model.js';
import type { TaskService } from '../task/task.service.js';
import type { CustomerModel } from './customer.model.js';
import type { CustomerService } from './customer.service.js';

/**
 * Per request: every Customer asked for by id in one tick is fetched in one query; a merged
 * id loads its survivor.
 */
export function createCustomerLoader(customers: CustomerService, auth: () => AuthContext) {
  const loader = createKeyLoader<{ requestedId: string; customer: CustomerModel }>(
    (ids) => customers.findByIds(auth(), ids),
    (found) => found.requestedId,
  );
  return {
    load: async (id: string): Promise<CustomerModel | null> => (await loader.load(id.toLowerCase()))?.customer ?? null,
  };
}

/** Per request: the contacts of every customer of a list in one query. */
export function createContactsLoader(contacts: ContactService, auth: () => AuthContext) {
  return createGroupLoader<ContactModel>((ids) => contacts.forCustomers(auth(), ids), (contact) => contact.customerId);
}

/** Per request: the tasks of every customer of a list in one query. */
export function createTasksLoader(tasks: TaskService, auth: () => AuthContext) {
  return createGroupLoader<TaskModel>((ids) => tasks.forCustomers(auth(), ids), (task) => task.customerId);
}
