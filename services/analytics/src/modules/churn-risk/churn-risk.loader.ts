import DataLoader from 'dataloader';
import { forbidden, hasRole, isUuid, withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { CHURN_READERS, churnRisksOf, unscoredChurnRisk, type ChurnRiskModel } from './churn-risk.service.js';

/** Per request: the churn risk of every customer in a list, in one query. */
export function createChurnRiskLoader(dataSource: DataSource, auth: () => AuthContext) {
  return new DataLoader<string, ChurnRiskModel>(async (customerIds) => {
    const caller = auth();
    if (!hasRole(caller, CHURN_READERS)) return customerIds.map(() => forbidden(`reading churn risk needs one of the roles: admin, ${CHURN_READERS.join(', ')}`));
    const risks = await withTenant(dataSource, caller.tenantId, (scope) => churnRisksOf(scope, customerIds.filter(isUuid)));
    return customerIds.map((id) => risks.get(id) ?? unscoredChurnRisk());
  });
}
