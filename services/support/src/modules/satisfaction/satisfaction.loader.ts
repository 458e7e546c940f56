import DataLoader from 'dataloader';
import { isUuid, type AuthContext } from '@rapport/service-kit';
import { EMPTY_SATISFACTION, type SatisfactionSummaryModel } from './satisfaction.model.js';
import type { SatisfactionService } from './satisfaction.service.js';

/** Per request: the satisfaction of every customer in a list, in one query. */
export function createSatisfactionLoader(satisfaction: SatisfactionService, auth: () => AuthContext) {
  return new DataLoader<string, SatisfactionSummaryModel>(async (customerIds) => {
    const summaries = await satisfaction.summariesFor(auth(), customerIds.filter(isUuid));
    return customerIds.map((id) => summaries.get(id) ?? { ...EMPTY_SATISFACTION });
  });
}
