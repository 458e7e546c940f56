import { messagingMigrations } from '@rapport/messaging';
import { CreateAuditLog1764400000000 } from '@rapport/service-kit';
import { CreateCustomers1732300000000 } from './1732300000000-create-customers.js';
import { FieldDefinitions1764000000000 } from './1764000000000-field-definitions.js';
import { ContactsTimelineTasksMembers1764000000100 } from './1764000000100-contacts-timeline-tasks-members.js';
import { CustomerSearch1764000000200 } from './1764000000200-customer-search.js';
import { CustomerMergesAndErasure1764000000300 } from './1764000000300-customer-merges-and-erasure.js';
import { CustomerReferrals1764000000400 } from './1764000000400-customer-referrals.js';
import { SearchTopK1764000000500 } from './1764000000500-search-top-k.js';
import { LifecycleAutomation1764300000000 } from './1764300000000-lifecycle-automation.js';
import { ChurnFollowUps1764300000600 } from './1764300000600-churn-follow-ups.js';
import { CustomerRouting1764300000700 } from './1764300000700-customer-routing.js';
import { DropUnreachableCustomerIndexes1764300000800 } from './1764300000800-drop-unreachable-customer-indexes.js';

/** Every migration of this service, oldest first. */
export const migrations = [
  CreateCustomers1732300000000,
  ...messagingMigrations,
  CreateAuditLog1764400000000,
  FieldDefinitions1764000000000,
  ContactsTimelineTasksMembers1764000000100,
  CustomerSearch1764000000200,
  CustomerMergesAndErasure1764000000300,
  CustomerReferrals1764000000400,
  SearchTopK1764000000500,
  LifecycleAutomation1764300000000,
  ChurnFollowUps1764300000600,
  CustomerRouting1764300000700,
  DropUnreachableCustomerIndexes1764300000800,
];
