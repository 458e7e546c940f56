import { directoryCustomerCreatedHandler } from '../../consumers/directory-customer-created.handler.js';
import { directoryCustomerErasedHandler } from '../../consumers/directory-customer-erased.handler.js';
import { directoryCustomersMergedHandler } from '../../consumers/directory-customers-merged.handler.js';
import { directoryCustomerUpdatedHandler } from '../../consumers/directory-customer-updated.handler.js';

/**
 * The directory's consumer group, apart from any other consumer of the same events in this
 * service: each group keeps its own offsets and inbox, so neither can shadow the other.
 */
export const CUSTOMER_DIRECTORY_GROUP = 'sales-pipeline-customer-directory';

export const customerDirectoryHandlers = [
  directoryCustomerCreatedHandler,
  directoryCustomerUpdatedHandler,
  directoryCustomersMergedHandler,
  directoryCustomerErasedHandler,
];
