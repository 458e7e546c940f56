import { typeDefs as analyticsTypeDefs } from '@rapport/analytics/schema';
import { typeDefs as contactsTypeDefs } from '@rapport/contacts/schema';
import { typeDefs as salesPipelineTypeDefs } from '@rapport/sales-pipeline/schema';
import { typeDefs as supportTypeDefs } from '@rapport/support/schema';
import type { DocumentNode } from 'graphql';
import type { GatewayEnvironment } from './environment.js';

export interface SubgraphDefinition {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/** The subgraphs of the graph. Adding one: its SDL export here, its URL variable in the environment. */
export function subgraphsFrom(environment: Pick<GatewayEnvironment, 'CONTACTS_URL' | 'SALES_PIPELINE_URL' | 'SUPPORT_URL' | 'ANALYTICS_URL'>): SubgraphDefinition[] {
  return [
    { name: 'contacts', url: environment.CONTACTS_URL, typeDefs: contactsTypeDefs },
    { name: 'sales-pipeline', url: environment.SALES_PIPELINE_URL, typeDefs: salesPipelineTypeDefs },
    { name: 'support', url: environment.SUPPORT_URL, typeDefs: supportTypeDefs },
    { name: 'analytics', url: environment.ANALYTICS_URL, typeDefs: analyticsTypeDefs },
  ];
}
