/** A Customer as this subgraph sees it: only the key; contacts owns the rest. */
export interface CustomerReference {
  id: string;
}

export interface SatisfactionSummaryModel {
  csat: number | null;
  nps: number | null;
  lastNpsScore: number | null;
  ces: number | null;
  responses: number;
}

export const EMPTY_SATISFACTION: Readonly<SatisfactionSummaryModel> = Object.freeze({
  csat: null,
  nps: null,
  lastNpsScore: null,
  ces: null,
  responses: 0,
});
