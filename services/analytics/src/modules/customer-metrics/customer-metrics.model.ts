/** A Customer as this subgraph sees it: only the key; contacts owns the rest. */
export interface CustomerReference {
  id: string;
}

export interface CustomerMetricsModel {
  /** Whose metrics these are: field resolvers of other modules load by it. */
  customerId: string;
  healthScore: number;
  updatedAt: Date | null;
}

/** What a customer analytics has not seen yet looks like: neutral health, never updated. */
export const NEUTRAL_HEALTH_SCORE = 50;
export const unseenCustomerMetrics = (customerId: string): CustomerMetricsModel => ({ customerId, healthScore: NEUTRAL_HEALTH_SCORE, updatedAt: null });
