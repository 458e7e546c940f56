import { typeDefs as analyticsTypeDefs } from '@rapport/analytics/schema';
import { typeDefs as contactsTypeDefs } from '@rapport/contacts/schema';
import { typeDefs as salesPipelineTypeDefs } from '@rapport/sales-pipeline/schema';
import { typeDefs as supportTypeDefs } from '@rapport/support/schema';
import { withAuditLog } from '@rapport/service-kit';
import type { DocumentNode } from 'graphql';
import type { GatewayEnvironment } from './environment.js';

export interface SubgraphDefinition {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/** The subgraphs of the graph. Adding one: its SDL export here, its URL variable in the environment. */
export function subgraphsFrom(environment: Pick<GatewayEnvironment, 'CONTACTS_URL' | 'SALES_PIPELINE_URL' | 'SUPPORT_URL' | 'ANALYTICS_URL'>): SubgraphDefinition[] {
  // Every subgraph serves its part of the audit log (service-kit adds it at start): the
  // static composition adds the same SDL.
  return [
    { name: 'contacts', url: environment.CONTACTS_URL, typeDefs: withAuditLog(contactsTypeDefs, 'contacts') },
    { name: 'sales-pipeline', url: environment.SALES_PIPELINE_URL, typeDefs: withAuditLog(salesPipelineTypeDefs, 'sales-pipeline') },
    { name: 'support', url: environment.SUPPORT_URL, typeDefs: withAuditLog(supportTypeDefs, 'support') },
    { name: 'analytics', url: environment.ANALYTICS_URL, typeDefs: withAuditLog(analyticsTypeDefs, 'analytics') },
  ];
}
