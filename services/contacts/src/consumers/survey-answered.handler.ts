import { SurveyAnsweredV1 } from '@rapport/events';
import { on } from '@rapport/messaging';
import { advanceLifecycleStage, lockEventCustomer } from '../modules/lifecycle/lifecycle.service.js';

/** An NPS promoter (9-10) is an advocate. */
export const surveyAnsweredHandler = on(SurveyAnsweredV1, async (event, scope) => {
  if (event.payload.kind !== 'NPS' || event.payload.score < 9) return;
  const customer = await lockEventCustomer(scope, event.customerId);
  if (!customer) return;
  await advanceLifecycleStage(scope, customer, { toStage: 'ADVOCACY', reason: 'NPS_PROMOTER', at: new Date(event.payload.answeredAt) });
});
