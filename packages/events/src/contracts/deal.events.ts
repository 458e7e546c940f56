import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';
import { currencyCode, decimalAmount } from './order.events.js';

const dealFacts = {
  dealId: z.uuid(),
  title: z.string(),
  amount: decimalAmount,
  currency: currencyCode,
  pipelineId: z.uuid(),
  ownerId: z.uuid().nullable(),
  expectedCloseAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
};

/** A deal entered a stage: on creation (`fromStageId` null) and on every move. */
export const DealStageChangedV1 = defineEvent({
  type: 'DealStageChanged',
  version: 1,
  topic: TOPICS.deals,
  producer: 'sales-pipeline',
  consumers: ['analytics', 'contacts'],
  description:
    'A deal entered a stage: when it is created (`fromStageId` null) and on every move; with the stage\'s win probability, for funnels and the weighted forecast.',
  payload: z.object({
    ...dealFacts,
    fromStageId: z.uuid().nullable(),
    toStageId: z.uuid(),
    toStageName: z.string(),
    probability: z.number().min(0).max(1),
    changedAt: z.iso.datetime({ offset: true }),
  }),
});

/** A deal was won. */
export const DealWonV1 = defineEvent({
  type: 'DealWon',
  version: 1,
  topic: TOPICS.deals,
  producer: 'sales-pipeline',
  consumers: ['analytics', 'contacts'],
  description: 'A deal was won, in the stage it was in; `closedAt` minus `createdAt` is its cycle time.',
  payload: z.object({ ...dealFacts, stageId: z.uuid(), closedAt: z.iso.datetime({ offset: true }) }),
});

/** A deal was lost, with the reason given. */
export const DealLostV1 = defineEvent({
  type: 'DealLost',
  version: 1,
  topic: TOPICS.deals,
  producer: 'sales-pipeline',
  consumers: ['analytics'],
  description: 'A deal was lost, in the stage it was in, with the reason the seller gave.',
  payload: z.object({ ...dealFacts, stageId: z.uuid(), reason: z.string().min(1), closedAt: z.iso.datetime({ offset: true }) }),
});
