import DataLoader from 'dataloader';
import { forbidden, hasRole, isUuid, withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { SEGMENT_READERS, valueSegmentsOf, type ValueSegmentModel } from './value-segment.service.js';

/** Per request: the value segment of every customer in a list, in one query. */
export function createValueSegmentLoader(dataSource: DataSource, auth: () => AuthContext) {
  return new DataLoader<string, ValueSegmentModel>(async (customerIds) => {
    const caller = auth();
    if (!hasRole(caller, SEGMENT_READERS)) return customerIds.map(() => forbidden(`reading value segments needs one of the roles: admin, ${SEGMENT_READERS.join(', ')}`));
    const segments = await withTenant(dataSource, caller.tenantId, (scope) => valueSegmentsOf(scope, customerIds.filter(isUuid)));
    return customerIds.map((id) => segments.get(id)!);
  });
}
