import DataLoader from 'dataloader';
import { isUuid, type AuthContext } from '@rapport/service-kit';
import type { RevenueSummaryModel } from './revenue.model.js';
import { emptyRevenueSummary, type RevenueService } from './revenue.service.js';

/** Per request: the revenue of every customer in a list, in one query. */
export function createRevenueLoader(revenue: RevenueService, auth: () => AuthContext) {
  return new DataLoader<string, RevenueSummaryModel>(async (customerIds) => {
    const summaries = await revenue.summariesFor(auth(), customerIds.filter(isUuid));
    return customerIds.map((id) => summaries.get(id) ?? emptyRevenueSummary());
  });
}
