import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

export const riskLevel = z.enum(['LOW', 'MEDIUM', 'HIGH']);

/** One reason behind a score: its share of the score (points out of 100) and what was seen. */
export const riskSignal = z.object({
  name: z.string(),
  weight: z.number().min(0).max(100),
  detail: z.string(),
});

/**
 * A customer's churn risk level moved. Published only on a change of level (a score that
 * moves within its level is not news), so a consumer reacts once per crossing.
 */
export const ChurnRiskChangedV1 = defineEvent({
  type: 'ChurnRiskChanged',
  version: 1,
  topic: TOPICS.churnRisk,
  producer: 'analytics',
  consumers: ['contacts'],
  description:
    "A customer's churn risk level changed (`previousLevel` null the first time analytics scores the customer), with the 0-100 score and the signals that drove it, as of `asOf` (the reference time of the computation). Contacts turns a rise to HIGH into one follow-up task per episode.",
  payload: z.object({
    previousLevel: riskLevel.nullable(),
    level: riskLevel,
    score: z.number().min(0).max(100),
    signals: z.array(riskSignal),
    asOf: z.iso.datetime({ offset: true }),
  }),
});
