import { messagingMigrations } from '@rapport/messaging';
import { CreateOrders1732300000000 } from './1732300000000-create-orders.js';

/** Every migration of this service, oldest first. */
export const migrations = [CreateOrders1732300000000, ...messagingMigrations];
