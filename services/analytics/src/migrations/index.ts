import { CreateCustomerMetrics1732300000000 } from './1732300000000-create-customer-metrics.js';

/** Every migration of this service, oldest first. */
export const migrations = [CreateCustomerMetrics1732300000000];
