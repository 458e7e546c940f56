/** A Customer as this subgraph sees it: only the key; contacts owns the rest. */
export interface CustomerReference {
  id: string;
}

export interface MoneyModel {
  amount: number;
  currency: string;
}

export interface RevenueSummaryModel {
  lifetime: MoneyModel;
  last12Months: MoneyModel;
  orderCount: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  mrr: MoneyModel;
}
