import { randomUUID } from 'node:crypto';
import {
  TicketAssignedV1,
  TicketFirstRespondedV1,
  TicketOpenedV1,
  TicketResolvedV1,
  TicketStatusChangedV1,
  type EventDefinition,
  type PayloadOf,
} from '@rapport/events';
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
import { In, type DataSource } from 'typeorm';
import type { Clock } from '../../clock.js';
import type {
  AssignTicketInput,
  CommentOnTicketInput,
  OpenTicketInput,
  ReopenTicketInput,
  ResolveTicketInput,
  SetTicketPendingInput,
  TicketFilter,
} from '../../generated/graphql.js';
import { BODY_READERS, READERS, WRITERS } from '../../roles.js';
import { closePause, isSlaBreached, openPause, recordNewBreaches, retime, type SlaSettings } from '../sla/sla-clock.js';
import { loadSlaSettings } from '../sla/sla.service.js';
import { inviteAfterResolution } from '../survey/survey.service.js';
import { TicketCommentEntity, TicketEntity, type TicketRow, type TicketStatus } from './ticket.entity.js';
import {
  toTicketAssignedPayload,
  toTicketFirstRespondedPayload,
  toTicketOpenedPayload,
  toTicketResolvedPayload,
  toTicketStatusChangedPayload,
} from './ticket.events.js';
import { toTicketCommentModel, toTicketModel, type TicketCommentModel, type TicketModel } from './ticket.model.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_QUIET_DAYS = 7;
const SUBJECT_MAX = 500;
const TEXT_MAX = 50_000;
// Statuses in which the SLA clocks stand still: waiting on the customer, or done.
const PAUSED: ReadonlySet<TicketStatus> = new Set(['PENDING', 'RESOLVED', 'CLOSED']);

export interface TicketServiceOptions {
  /** Days a RESOLVED ticket stays quiet before it is closed. */
  quietDays?: number;
}

function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text.length === 0) throw badInput(field, `${field} must not be empty`);
  if (text.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return text;
}

/** The one place a status moves: keeps the SLA pauses in step and publishes the move. */
async function moveStatus(scope: TenantScope, ticket: TicketRow, to: TicketStatus, changedBy: string | null, now: Date): Promise<void> {
  const from = ticket.status;
  if (from === to) return;
  if (PAUSED.has(to) && !PAUSED.has(from)) ticket.pauses = openPause(ticket, now);
  if (!PAUSED.has(to) && PAUSED.has(from)) ticket.pauses = closePause(ticket, now);
  ticket.status = to;
  await publish(scope, ticket, TicketStatusChangedV1, toTicketStatusChangedPayload(ticket, from, changedBy, now), now);
}

function publish<Definition extends EventDefinition>(
  scope: TenantScope,
  ticket: TicketRow,
  definition: Definition,
  payload: PayloadOf<Definition>,
  now: Date,
) {
  return recordEvent(scope.manager, 'support', definition, { tenantId: ticket.tenantId, customerId: ticket.customerId, occurredAt: now, payload });
}

export class TicketService {
  private readonly quietDays: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    options: TicketServiceOptions = {},
  ) {
    this.quietDays = options.quietDays ?? DEFAULT_QUIET_DAYS;
  }

  async open(auth: AuthContext, input: OpenTicketInput): Promise<TicketModel> {
    requireRole(auth, WRITERS);
    if (!isUuid(input.customerId)) throw badInput('customerId', 'customerId must be a UUID');
    const subject = requiredText(input.subject, 'subject', SUBJECT_MAX);
    const description = input.description ?? null;
    if (description !== null && description.length > TEXT_MAX) throw badInput('description', `description must be at most ${TEXT_MAX} characters`);
    const channel = requiredText(input.channel ?? 'email', 'channel', 50).toLowerCase();
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const now = this.clock.now();
      const tickets = scope.repository(TicketEntity);
      const ticket = tickets.create({
        id: randomUUID(),
        customerId: input.customerId,
        subject,
        description,
        priority: input.priority ?? 'NORMAL',
        status: 'NEW',
        channel,
        assigneeId: null,
        createdAt: now,
        lastActivityAt: now,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
        reopenCount: 0,
        pauses: [],
        firstResponseDueAt: null,
        resolutionDueAt: null,
        firstResponseBreachPublishedAt: null,
        resolutionBreachPublishedAt: null,
      });
      retime(ticket, await loadSlaSettings(scope));
      await tickets.insert(ticket);
      await publish(scope, ticket, TicketOpenedV1, toTicketOpenedPayload(ticket, auth.memberId), now);
      return toTicketModel(ticket);
    });
  }

  /** The first public comment of a member is the first response; it also takes a NEW ticket to OPEN. */
  async comment(auth: AuthContext, input: CommentOnTicketInput): Promise<TicketModel> {
    requireRole(auth, WRITERS);
    const body = requiredText(input.body, 'body', TEXT_MAX);
    const isPublic = input.public ?? true;
    return this.change(auth, input.ticketId, async (scope, ticket, now) => {
      if (ticket.status === 'CLOSED') throw badInput('ticketId', 'a closed ticket takes no comments');
      const comments = scope.repository(TicketCommentEntity);
      await comments.insert(
        comments.create({ id: randomUUID(), ticketId: ticket.id, authorId: auth.memberId, body, public: isPublic, createdAt: now }),
      );
      if (isPublic && ticket.firstResponseAt === null) {
        ticket.firstResponseAt = now;
        await publish(scope, ticket, TicketFirstRespondedV1, toTicketFirstRespondedPayload(ticket, auth.memberId), now);
        if (ticket.status === 'NEW') await moveStatus(scope, ticket, 'OPEN', auth.memberId, now);
      }
    });
  }

  /** Assigning the current assignee again changes nothing. */
  async assign(auth: AuthContext, input: AssignTicketInput): Promise<TicketModel> {
    requireRole(auth, WRITERS);
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId !== null && !isUuid(assigneeId)) throw badInput('assigneeId', 'assigneeId must be a member id (UUID)');
    return this.change(auth, input.ticketId, async (scope, ticket, now) => {
      if (ticket.status === 'CLOSED') throw badInput('ticketId', 'a closed ticket cannot be assigned');
      if (ticket.assigneeId === assigneeId) return;
      const previous = ticket.assigneeId;
      ticket.assigneeId = assigneeId;
      await publish(scope, ticket, TicketAssignedV1, toTicketAssignedPayload(ticket, previous, auth.memberId, now), now);
    });
  }

  /**
   * Resolving a resolved ticket changes nothing, so retries are safe; a closed ticket stays
   * closed. The survey invitation the resolution triggers is created in the same transaction.
   */
  async resolve(auth: AuthContext, input: ResolveTicketInput): Promise<TicketModel> {
    return this.change(auth, input.ticketId, async (scope, ticket, now, settings) => {
      if (ticket.status === 'CLOSED') throw badInput('ticketId', 'a closed ticket cannot be resolved');
      if (ticket.status === 'RESOLVED') return;
      ticket.resolvedAt = now;
      await moveStatus(scope, ticket, 'RESOLVED', auth.memberId, now);
      retime(ticket, settings);
      await publish(scope, ticket, TicketResolvedV1, toTicketResolvedPayload(ticket, auth.memberId, isSlaBreached(ticket, now)), now);
      await inviteAfterResolution(scope, ticket, now);
    });
  }

  async reopen(auth: AuthContext, input: ReopenTicketInput): Promise<TicketModel> {
    return this.change(auth, input.ticketId, async (scope, ticket, now) => {
      if (ticket.status !== 'RESOLVED') throw badInput('ticketId', `only a resolved ticket can be reopened; this one is ${ticket.status}`);
      ticket.resolvedAt = null;
      ticket.reopenCount += 1;
      await moveStatus(scope, ticket, 'OPEN', auth.memberId, now);
    });
  }

  /** PENDING waits on the customer; setting the status it already has changes nothing. */
  async setPending(auth: AuthContext, input: SetTicketPendingInput): Promise<TicketModel> {
    return this.change(auth, input.ticketId, async (scope, ticket, now) => {
      if (ticket.status === 'RESOLVED' || ticket.status === 'CLOSED') {
        throw badInput('ticketId', `a ${ticket.status} ticket cannot be set pending or back to open; reopen it first`);
      }
      if (input.pending) await moveStatus(scope, ticket, 'PENDING', auth.memberId, now);
      else if (ticket.status === 'PENDING') await moveStatus(scope, ticket, 'OPEN', auth.memberId, now);
    });
  }

  /**
   * Every ticket change: the row locked for the transaction, the due times recomputed after
   * the change, and breaches it reveals published with it.
   */
  private async change(
    auth: AuthContext,
    ticketId: string,
    work: (scope: TenantScope, ticket: TicketRow, now: Date, settings: SlaSettings) => Promise<void>,
  ): Promise<TicketModel> {
    requireRole(auth, WRITERS);
    if (!isUuid(ticketId)) throw notFound('ticket', ticketId);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const tickets = scope.repository(TicketEntity);
      const ticket = await tickets.queryBuilder('ticket').andWhere('ticket.id = :id', { id: ticketId }).setLock('pessimistic_write').getOne();
      if (!ticket) throw notFound('ticket', ticketId);
      const now = this.clock.now();
      const settings = await loadSlaSettings(scope);
      await work(scope, ticket, now, settings);
      ticket.lastActivityAt = now;
      if (ticket.status !== 'CLOSED') retime(ticket, settings);
      await recordNewBreaches(scope, ticket, settings, now);
      return toTicketModel(await tickets.save(ticket));
    });
  }

  /** Closes RESOLVED tickets quiet for the configured days as of `now`; returns how many. */
  async closeQuietTickets(now: Date, options: { tenantId?: string } = {}): Promise<number> {
    const cutoff = new Date(now.getTime() - this.quietDays * DAY_MS);
    // Across tenants only to find which have work; each tenant's rows change in its own scope.
    const tenants = (await acrossTenants(this.dataSource, (manager) => manager.query(
      `SELECT DISTINCT tenant_id FROM tickets WHERE status = 'RESOLVED' AND last_activity_at <= $1 AND ($2::uuid IS NULL OR tenant_id = $2)`,
      [cutoff, options.tenantId ?? null],
    ))) as { tenant_id: string }[];
    let closed = 0;
    for (const { tenant_id: tenantId } of tenants) {
      closed += await withTenant(this.dataSource, tenantId, async (scope) => {
        const tickets = scope.repository(TicketEntity);
        const quiet = await tickets
          .queryBuilder('ticket')
          .andWhere(`ticket.status = 'RESOLVED' AND ticket.lastActivityAt <= :cutoff`, { cutoff })
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const ticket of quiet) {
          ticket.closedAt = now;
          await moveStatus(scope, ticket, 'CLOSED', null, now);
          await tickets.save(ticket);
        }
        return quiet.length;
      });
    }
    return closed;
  }

  /** Any number of tickets in one query; other tenants' ids are simply absent. */
  async byIds(auth: AuthContext, ids: readonly string[]): Promise<TicketModel[]> {
    requireRole(auth, READERS);
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) => (await scope.repository(TicketEntity).findByIds(valid)).map(toTicketModel));
  }

  /** Newest first; `breached` is evaluated as of now, with the same rule as `slaBreached`. */
  async list(auth: AuthContext, first: number | null | undefined, after: string | null | undefined, filter: TicketFilter | null | undefined): Promise<Connection<TicketModel>> {
    requireRole(auth, READERS);
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    if (filter?.customerId && !isUuid(filter.customerId)) return empty;
    if (filter?.assigneeId && !isUuid(filter.assigneeId)) return empty;
    const now = this.clock.now();
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const query = scope.repository(TicketEntity).queryBuilder('ticket');
      if (filter?.status) query.andWhere('ticket.status = :status', { status: filter.status });
      if (filter?.priority) query.andWhere('ticket.priority = :priority', { priority: filter.priority });
      if (filter?.assigneeId) query.andWhere('ticket.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
      if (filter?.customerId) query.andWhere('ticket.customerId = :customerId', { customerId: filter.customerId });
      if (filter?.breached !== null && filter?.breached !== undefined) {
        const breached = `((ticket.first_response_due_at IS NOT NULL AND COALESCE(ticket.first_response_at, ticket.resolved_at, :now) > ticket.first_response_due_at)
          OR (ticket.resolution_due_at IS NOT NULL AND COALESCE(ticket.resolved_at, :now) > ticket.resolution_due_at))`;
        query.andWhere(filter.breached ? breached : `NOT ${breached}`, { now });
      }
      const totalCount = await query.clone().getCount();
      if (cursor) {
        query.andWhere('(ticket.createdAt, ticket.id) < (:cursorAt, :cursorId)', { cursorAt: new Date(cursor.sortValue), cursorId: cursor.id });
      }
      const rows = await query.orderBy('ticket.createdAt', 'DESC').addOrderBy('ticket.id', 'DESC').take(limit + 1).getMany();
      return toConnection(rows, limit, totalCount, (row) => ({ sortValue: row.createdAt.toISOString(), id: row.id }), toTicketModel);
    });
  }

  /**
   * One page of tickets for each of many customers in three statements whatever their
   * number: totals, the page ids (a window function numbers each customer's tickets), the rows.
   */
  async pagesForCustomers(
    auth: AuthContext,
    customerIds: readonly string[],
    page: { status: TicketStatus | null; first: number | null; after: string | null },
  ): Promise<Map<string, Connection<TicketModel>>> {
    requireRole(auth, READERS);
    const limit = pageSize(page.first);
    const cursor = decodeCursor(page.after);
    const ids = customerIds.filter(isUuid);
    const pages = new Map<string, Connection<TicketModel>>();
    if (ids.length === 0) return pages;
    await withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const totals = (await scope.manager.query(
        `SELECT customer_id, count(*)::int AS total FROM tickets
          WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND ($3::text IS NULL OR status = $3)
          GROUP BY customer_id`,
        [scope.tenantId, ids, page.status],
      )) as { customer_id: string; total: number }[];
      const ranked = (await scope.manager.query(
        `SELECT id FROM (
           SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY created_at DESC, id DESC) AS position
             FROM tickets
            WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND ($3::text IS NULL OR status = $3)
              AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
         ) numbered
         WHERE position <= $6`,
        [scope.tenantId, ids, page.status, cursor ? new Date(cursor.sortValue) : null, cursor?.id ?? null, limit + 1],
      )) as { id: string }[];
      const rows = await scope.repository(TicketEntity).find({
        where: { id: In(ranked.map((row) => row.id)) },
        order: { createdAt: 'DESC', id: 'DESC' },
      });
      const totalOf = new Map(totals.map((row) => [row.customer_id, row.total]));
      for (const customerId of ids) {
        const own = rows.filter((row) => row.customerId === customerId);
        pages.set(
          customerId,
          toConnection(own, limit, totalOf.get(customerId) ?? 0, (row) => ({ sortValue: row.createdAt.toISOString(), id: row.id }), toTicketModel),
        );
      }
    });
    return pages;
  }

  /** Free text of the customer: not for analysts. */
  description(auth: AuthContext, ticket: TicketModel): string | null {
    requireRole(auth, BODY_READERS);
    return ticket.description;
  }

  /** Comments of many tickets in one query, oldest first; not for analysts. */
  async commentsFor(auth: AuthContext, ticketIds: readonly string[]): Promise<TicketCommentModel[]> {
    requireRole(auth, BODY_READERS);
    if (ticketIds.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (
        await scope.repository(TicketCommentEntity).find({ where: { ticketId: In([...ticketIds]) }, order: { createdAt: 'ASC', id: 'ASC' } })
      ).map(toTicketCommentModel),
    );
  }
}
