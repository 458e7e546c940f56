import DataLoader from 'dataloader';
import { forbidden, hasRole, isUuid, withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { CHURN_READERS, churnViewsOf, unscoredChurnRisk, type ChurnView } from './churn-risk.service.js';

/** Per request: the churn risk and last activity of every customer in a list, in one query. */
export function createChurnRiskLoader(dataSource: DataSource, auth: () => AuthContext) {
  return new DataLoader<string, ChurnView>(async (customerIds) => {
    const caller = auth();
    if (!hasRole(caller, CHURN_READERS)) return customerIds.map(() => forbidden(`reading churn risk needs one of the roles: admin, ${CHURN_READERS.join(', ')}`));
    const views = await withTenant(dataSource, caller.tenantId, (scope) => churnViewsOf(scope, customerIds.filter(isUuid)));
    return customerIds.map((id) => views.get(id) ?? { risk: unscoredChurnRisk(), lastActivityAt: null });
  });
}
