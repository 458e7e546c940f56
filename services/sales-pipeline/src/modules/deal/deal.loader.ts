import { createGroupLoader, createKeyLoader, type AuthContext } from '@rapport/service-kit';
import type { DealModel, StageChangeModel } from './deal.model.js';
import type { DealService } from './deal.service.js';

/** Per request: every deal asked for by id in one tick, in one query. */
export function createDealLoader(deals: DealService, auth: () => AuthContext) {
  return createKeyLoader<DealModel>((ids) => deals.findByIds(auth(), ids), (deal) => deal.id);
}

/** Per request: the deals of every customer of a list in one query. */
export function createDealsOfCustomerLoader(deals: DealService, auth: () => AuthContext) {
  return createGroupLoader<DealModel>((ids) => deals.forCustomers(auth(), ids), (deal) => deal.customerId);
}

/** Per request: the stage history of every deal of a list in one query. */
export function createHistoryLoader(deals: DealService, auth: () => AuthContext) {
  return createGroupLoader<StageChangeModel>((ids) => deals.historyOf(auth(), ids), (change) => change.dealId);
}
