import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';
import { currencyCode, decimalAmount } from './order.events.js';

/**
 * Spend was recorded for a campaign over a period. Spend belongs to no customer: the
 * envelope's `customerId` (the message key) carries the campaign id, keeping one campaign's
 * spend in order.
 */
export const CampaignSpendRecordedV1 = defineEvent({
  type: 'CampaignSpendRecorded',
  version: 1,
  topic: TOPICS.campaigns,
  producer: 'sales-pipeline',
  consumers: ['analytics'],
  description:
    "Spend was recorded for a campaign over a period, for CAC by channel. The envelope's `customerId` carries the campaign id (spend belongs to no customer).",
  payload: z.object({
    campaignId: z.uuid(),
    name: z.string(),
    channel: z.string(),
    amount: decimalAmount,
    currency: currencyCode,
    periodStart: z.iso.datetime({ offset: true }),
    periodEnd: z.iso.datetime({ offset: true }),
    totalSpend: decimalAmount,
  }),
});
