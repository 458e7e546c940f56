/**
 * Topic names are wire names: string constants, never derived from class or type names,
 * so a rename in code can never move a topic in production. One topic per aggregate; the
 * key of every message is the customer id, which keeps one customer's events in order.
 * Partition counts and retention live in infra/kafka/topics.json.
 */
export const TOPICS = {
  customers: 'rapport.customers',
  interactions: 'rapport.interactions',
  leads: 'rapport.leads',
  deals: 'rapport.deals',
  orders: 'rapport.orders',
  subscriptions: 'rapport.subscriptions',
  campaigns: 'rapport.campaigns',
  tickets: 'rapport.tickets',
  surveys: 'rapport.surveys',
  churnRisk: 'rapport.churn-risk',
  members: 'rapport.members',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Where events that cannot be processed go, with the reason, so the partition moves on. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
