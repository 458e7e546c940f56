import { SurveyAnsweredV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/** SurveyAnswered -> one answer per response (NPS, CSAT, CES per period and per customer). */
export const surveyAnsweredHandler = onBatch(SurveyAnsweredV1, async (events, scope) => {
  await scope.manager.query(
    `INSERT INTO survey_answers (tenant_id, response_id, customer_id, kind, score, trigger, answered_at)
     SELECT $1, r.response_id, r.customer_id, r.kind, r.score, r.trigger, r.answered_at
       FROM jsonb_to_recordset($2::jsonb) AS r(response_id uuid, customer_id uuid, kind text, score int, trigger text, answered_at timestamptz)
     ON CONFLICT DO NOTHING`,
    [
      scope.tenantId,
      JSON.stringify(
        events.map(({ customerId, payload }) => ({
          response_id: payload.responseId,
          customer_id: customerId,
          kind: payload.kind,
          score: payload.score,
          trigger: payload.trigger,
          answered_at: payload.answeredAt,
        })),
      ),
    ],
  );
});
