import { MemberUpsertedV1 } from '@rapport/events';
import { onBatch } from '@rapport/messaging';

/**
 * MemberUpserted -> the copy of contacts' member directory that lead routing reads. Each event
 * carries the whole member; the latest `updatedAt` wins, so an old event replayed late cannot
 * bring back a member's old availability.
 */
export const memberUpsertedHandler = onBatch(MemberUpsertedV1, async (events, scope) => {
  // One row per member per statement: the newest state of the run.
  const latest = new Map<string, (typeof events)[number]['payload']>();
  for (const { payload } of events) {
    const seen = latest.get(payload.memberId);
    if (!seen || Date.parse(seen.updatedAt) <= Date.parse(payload.updatedAt)) latest.set(payload.memberId, payload);
  }
  await scope.manager.query(
    `INSERT INTO members (tenant_id, id, name, territories, skills, available, updated_at)
     SELECT $1, m.member_id, m.name, m.territories, m.skills, m.available, m.updated_at
       FROM jsonb_to_recordset($2::jsonb) AS m(member_id uuid, name text, territories text[], skills text[], available boolean, updated_at timestamptz)
     ON CONFLICT (tenant_id, id) DO UPDATE
       SET name = excluded.name, territories = excluded.territories, skills = excluded.skills,
           available = excluded.available, updated_at = excluded.updated_at
     WHERE members.updated_at <= excluded.updated_at`,
    [
      scope.tenantId,
      JSON.stringify(
        [...latest.values()].map((member) => ({
          member_id: member.memberId,
          name: member.name,
          territories: member.territories,
          skills: member.skills,
          available: member.available,
          updated_at: member.updatedAt,
        })),
      ),
    ],
  );
});
