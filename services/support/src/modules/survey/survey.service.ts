import { randomUUID } from 'node:crypto';
import { FollowUpRequestedV1, SurveyAnsweredV1, SurveyInvitedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import {
  acrossTenants,
  badInput,
  decodeCursor,
  isUuid,
  notFound,
  pageSize,
  requireRole,
  toConnection,
  withTenant,
  type AuthContext,
  type Connection,
  type TenantScope,
} from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock.js';
import type { AnswerSurveyInput } from '../../generated/graphql.js';
import { BODY_READERS, READERS, WRITERS } from '../../roles.js';
import { SurveyResponseEntity, type SurveyKind, type SurveyResponseRow } from '../satisfaction/survey-response.entity.js';
import type { TicketRow } from '../ticket/ticket.entity.js';
import { SurveyInvitationEntity, type SurveyInvitationRow } from './survey-invitation.entity.js';
import { toFollowUpRequestedPayload, toSurveyAnsweredPayload, toSurveyInvitedPayload } from './survey.events.js';
import { toSurveyInvitationModel, toSurveyResponseModel, type SurveyInvitationModel, type SurveyResponseModel } from './survey.model.js';

/** Customers are asked at most once per this many days, whatever the kind (seed 000). */
export const SURVEY_QUIET_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const COMMENT_MAX = 5_000;
const SCALES: Record<SurveyKind, [number, number]> = { CSAT: [1, 5], NPS: [0, 10], CES: [1, 5] };

/** Surveys go by email: only to a customer with a contact who consented to email (known from contacts' ContactAdded). */
async function hasEmailConsent(scope: TenantScope, customerId: string): Promise<boolean> {
  const [row]: { consented: boolean }[] = await scope.manager.query(
    `SELECT EXISTS (SELECT 1 FROM contact_consents WHERE tenant_id = $1 AND customer_id = $2 AND email_consent) AS consented`,
    [scope.tenantId, customerId],
  );
  return row?.consented ?? false;
}

/** The first NPS survey comes this many days after the first paid order (seed 000)... */
export const NPS_FIRST_AFTER_DAYS = 90;
/** ...and the next ones at most this often. */
export const NPS_EVERY_DAYS = 180;

/**
 * Creates an invitation for what the customer just did, in the caller's transaction, unless
 * the customer was invited in the last 30 days. A transaction-scoped lock per customer makes
 * two concurrent triggers for one customer create one invitation, not two.
 */
export async function inviteToSurvey(
  scope: TenantScope,
  invitation: { customerId: string; kind: SurveyKind; trigger: string; ticketId: string | null },
  now: Date,
): Promise<SurveyInvitationRow | null> {
  await scope.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`survey:${scope.tenantId}:${invitation.customerId}`]);
  if (!(await hasEmailConsent(scope, invitation.customerId))) return null;
  const since = new Date(now.getTime() - SURVEY_QUIET_DAYS * DAY_MS);
  const recent = await scope
    .repository(SurveyInvitationEntity)
    .queryBuilder('invitation')
    .andWhere('invitation.customerId = :customerId AND invitation.sentAt > :since', { customerId: invitation.customerId, since })
    .getCount();
  if (recent > 0) return null;
  const invitations = scope.repository(SurveyInvitationEntity);
  const row = await invitations.insert(invitations.create({ id: randomUUID(), ...invitation, sentAt: now, answeredAt: null }));
  await recordEvent(scope.manager, 'support', SurveyInvitedV1, {
    tenantId: scope.tenantId,
    customerId: row.customerId,
    occurredAt: now,
    payload: toSurveyInvitedPayload(row),
  });
  return row;
}

/** A resolution asks how it went: CSAT, or CES (how easy it was) when the ticket had to be reopened. */
export function inviteAfterResolution(scope: TenantScope, ticket: TicketRow, now: Date): Promise<SurveyInvitationRow | null> {
  const reopened = ticket.reopenCount > 0;
  return inviteToSurvey(
    scope,
    {
      customerId: ticket.customerId,
      kind: reopened ? 'CES' : 'CSAT',
      trigger: reopened ? 'TICKET_RESOLVED_AFTER_REOPEN' : 'TICKET_RESOLVED',
      ticketId: ticket.id,
    },
    now,
  );
}

function followUpReason(response: SurveyResponseRow): 'NPS_DETRACTOR' | 'LOW_CSAT' | undefined {
  if (response.kind === 'NPS' && response.score <= 6) return 'NPS_DETRACTOR';
  if (response.kind === 'CSAT' && response.score <= 2) return 'LOW_CSAT';
  return undefined;
}

export class SurveyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Newest first. */
  async invitations(auth: AuthContext, first: number | null | undefined, after: string | null | undefined): Promise<Connection<SurveyInvitationModel>> {
    requireRole(auth, READERS);
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const query = scope.repository(SurveyInvitationEntity).queryBuilder('invitation');
      const totalCount = await query.clone().getCount();
      if (cursor) {
        query.andWhere('(invitation.sentAt, invitation.id) < (:cursorAt, :cursorId)', { cursorAt: new Date(cursor.sortValue), cursorId: cursor.id });
      }
      const rows = await query.orderBy('invitation.sentAt', 'DESC').addOrderBy('invitation.id', 'DESC').take(limit + 1).getMany();
      return toConnection(rows, limit, totalCount, (row) => ({ sortValue: row.sentAt.toISOString(), id: row.id }), toSurveyInvitationModel);
    });
  }

  /** One answer per invitation, on the scale of its kind; an unhappy answer asks for a follow-up. */
  async answer(auth: AuthContext, input: AnswerSurveyInput): Promise<SurveyResponseModel> {
    requireRole(auth, WRITERS);
    if (!isUuid(input.invitationId)) throw notFound('survey invitation', input.invitationId);
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    if (comment !== null && comment.length > COMMENT_MAX) throw badInput('comment', `comment must be at most ${COMMENT_MAX} characters`);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const invitations = scope.repository(SurveyInvitationEntity);
      const invitation = await invitations
        .queryBuilder('invitation')
        .andWhere('invitation.id = :id', { id: input.invitationId })
        .setLock('pessimistic_write')
        .getOne();
      if (!invitation) throw notFound('survey invitation', input.invitationId);
      if (invitation.answeredAt !== null) throw badInput('invitationId', 'this invitation was already answered');
      const [low, high] = SCALES[invitation.kind];
      if (!Number.isInteger(input.score) || input.score < low || input.score > high) {
        throw badInput('score', `a ${invitation.kind} score is a whole number from ${low} to ${high}`);
      }
      const now = this.clock.now();
      const responses = scope.repository(SurveyResponseEntity);
      const response = await responses.insert(
        responses.create({
          id: randomUUID(),
          customerId: invitation.customerId,
          invitationId: invitation.id,
          kind: invitation.kind,
          score: input.score,
          comment,
          answeredAt: now,
        }),
      );
      invitation.answeredAt = now;
      await invitations.save(invitation);
      const event = { tenantId: scope.tenantId, customerId: invitation.customerId, occurredAt: now };
      await recordEvent(scope.manager, 'support', SurveyAnsweredV1, { ...event, payload: toSurveyAnsweredPayload(invitation, response) });
      const reason = followUpReason(response);
      if (reason) await recordEvent(scope.manager, 'support', FollowUpRequestedV1, { ...event, payload: toFollowUpRequestedPayload(response, reason) });
      return toSurveyResponseModel(response);
    });
  }

  /**
   * The NPS timer: invites every customer whose first paid order is at least 90 days old and who
   * had no NPS invitation in the last 180 days, subject to consent and the 30-day rule like any
   * invitation. Idempotent (a second run at the same time invites no one), so the timer may run
   * it as often as it likes; `tenantId` limits it to one tenant (tests). Returns the number invited.
   */
  async inviteDueNps(now: Date, options: { tenantId?: string } = {}): Promise<number> {
    const firstBefore = new Date(now.getTime() - NPS_FIRST_AFTER_DAYS * DAY_MS);
    const npsSince = new Date(now.getTime() - NPS_EVERY_DAYS * DAY_MS);
    const quietSince = new Date(now.getTime() - SURVEY_QUIET_DAYS * DAY_MS);
    const due = (tenantFilter: string) => `
      SELECT purchase.tenant_id, purchase.customer_id,
             EXISTS (SELECT 1 FROM survey_invitations nps WHERE nps.tenant_id = purchase.tenant_id AND nps.customer_id = purchase.customer_id AND nps.kind = 'NPS') AS asked_before
        FROM customer_first_purchases purchase
       WHERE ${tenantFilter} AND purchase.first_paid_at <= $1
         AND NOT EXISTS (SELECT 1 FROM survey_invitations nps
                          WHERE nps.tenant_id = purchase.tenant_id AND nps.customer_id = purchase.customer_id AND nps.kind = 'NPS' AND nps.sent_at > $2)
         AND NOT EXISTS (SELECT 1 FROM survey_invitations recent
                          WHERE recent.tenant_id = purchase.tenant_id AND recent.customer_id = purchase.customer_id AND recent.sent_at > $3)
         AND EXISTS (SELECT 1 FROM contact_consents consent
                      WHERE consent.tenant_id = purchase.tenant_id AND consent.customer_id = purchase.customer_id AND consent.email_consent)`;
    const window = [firstBefore, npsSince, quietSince];
    // Across tenants only to find which have work; each tenant's invitations are written in its own scope.
    const tenants = (await acrossTenants(this.dataSource, (manager) =>
      manager.query(`SELECT DISTINCT tenant_id FROM (${due('($4::uuid IS NULL OR purchase.tenant_id = $4)')}) candidates`, [
        ...window,
        options.tenantId ?? null,
      ]),
    )) as { tenant_id: string }[];
    let invited = 0;
    for (const { tenant_id: tenantId } of tenants) {
      invited += await withTenant(this.dataSource, tenantId, async (scope) => {
        const customers: { customer_id: string; asked_before: boolean }[] = await scope.manager.query(due('purchase.tenant_id = $4'), [...window, tenantId]);
        let count = 0;
        for (const customer of customers) {
          const trigger = customer.asked_before ? 'NPS_EVERY_180_DAYS' : 'FIRST_ORDER_PLUS_90_DAYS';
          if (await inviteToSurvey(scope, { customerId: customer.customer_id, kind: 'NPS', trigger, ticketId: null }, now)) count += 1;
        }
        return count;
      });
    }
    return invited;
  }

  /** What the customer wrote: not for analysts. */
  comment(auth: AuthContext, response: SurveyResponseModel): string | null {
    requireRole(auth, BODY_READERS);
    return response.comment;
  }
}
