// The operations the benchmarks send, one place for every scenario.

export const CUSTOMER_360 = `query Customer360($id: ID!) {
  customer(id: $id) {
    id name kind email domain country lifecycleStage tags createdAt
    contacts { id firstName lastName email phone title }
    deals(status: OPEN) { id title status amount { amount currency } stage { id name probability } expectedCloseAt }
    orders(first: 10) { edges { node { id placedAt dueAt paidAt total { amount currency } } } }
    tickets(status: OPEN, first: 10) { edges { node { id subject priority status createdAt } } totalCount }
    satisfaction { csat nps responses }
    revenue { lifetime { amount currency } orderCount lastOrderAt }
    metrics { healthScore updatedAt }
  }
}`;

/** A page of customers with a field from every subgraph. */
export const CUSTOMER_LIST = `query CustomerList($first: Int!) {
  customers(first: $first) {
    edges { node {
      id name country lifecycleStage
      contacts { id firstName email }
      deals { id status amount { amount currency } stage { name } }
      orders(first: 5) { edges { node { id placedAt total { amount currency } } } }
      revenue { lifetime { amount currency } orderCount }
      tickets(first: 5) { edges { node { id status priority } } }
      satisfaction { csat nps responses }
      metrics { healthScore updatedAt }
    } }
  }
}`;

export const customer360Body = (id: string) => JSON.stringify({ query: CUSTOMER_360, variables: { id } });
