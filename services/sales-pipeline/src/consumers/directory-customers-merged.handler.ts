import { CustomersMergedV1 } from '@rapport/events';
import { on } from '@rapport/messaging';
import { learnMerge } from '../modules/customer-directory/customer-directory.js';

/**
 * CustomersMerged -> merged ids resolve to the survivor in the directory. Re-pointing this
 * service's orders, deals and the rest is the merge consumer's work, not the directory's.
 */
export const directoryCustomersMergedHandler = on(CustomersMergedV1, (event, scope) =>
  learnMerge(scope, event.payload.survivorId, event.payload.mergedIds),
);
