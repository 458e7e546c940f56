import { CreateCustomers1732300000000 } from './1732300000000-create-customers.js';

/** Every migration of this service, oldest first. */
export const migrations = [CreateCustomers1732300000000];
