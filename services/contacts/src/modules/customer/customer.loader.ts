import { createKeyLoader, type AuthContext } from '@rapport/service-kit';
import type { CustomerModel } from './customer.model.js';
import type { CustomerService } from './customer.service.js';

/** Per request: every Customer asked for by id in one tick is fetched in one query. */
export function createCustomerLoader(customers: CustomerService, auth: () => AuthContext) {
  return createKeyLoader<CustomerModel>((ids) => customers.findByIds(auth(), ids), (customer) => customer.id);
}
