import type { InteractionRecordedV1, PayloadOf } from '@rapport/events';
import type { InteractionRow } from './interaction.entity.js';

/** The summary stays out: free text may hold personal data, and events outlive erasure. */
export function toInteractionRecordedPayload(row: InteractionRow): PayloadOf<typeof InteractionRecordedV1> {
  return {
    interactionId: row.id,
    kind: row.kind,
    feature: row.feature,
    memberId: row.memberId,
    occurredAt: row.occurredAt.toISOString(),
  };
}
