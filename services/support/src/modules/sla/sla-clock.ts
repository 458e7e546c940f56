import { SlaBreachedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import type { TenantScope } from '@rapport/service-kit';
import { addBusinessMinutes, type BusinessHours, type Pause } from './business-time.js';
import type { StoredPause, TicketPriority, TicketRow } from '../ticket/ticket.entity.js';
import { toSlaBreachedPayload } from './sla.events.js';

export interface SlaTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

/** What the SLA clocks of one tenant run on. */
export interface SlaSettings {
  policies: ReadonlyMap<TicketPriority, SlaTargets>;
  hours: BusinessHours;
}

export type SlaTarget = 'FIRST_RESPONSE' | 'RESOLUTION';

type TimedTicket = Pick<
  TicketRow,
  'createdAt' | 'pauses' | 'firstResponseAt' | 'resolvedAt' | 'firstResponseDueAt' | 'resolutionDueAt'
>;

export function pausesOf(ticket: Pick<TicketRow, 'pauses'>): Pause[] {
  return ticket.pauses.map((pause) => ({ start: new Date(pause.start), end: pause.end === null ? null : new Date(pause.end) }));
}

export function openPause(ticket: Pick<TicketRow, 'pauses'>, at: Date): StoredPause[] {
  if (ticket.pauses.some((pause) => pause.end === null)) return ticket.pauses;
  return [...ticket.pauses, { start: at.toISOString(), end: null }];
}

export function closePause(ticket: Pick<TicketRow, 'pauses'>, at: Date): StoredPause[] {
  return ticket.pauses.map((pause) => (pause.end === null ? { ...pause, end: at.toISOString() } : pause));
}

/**
 * Recomputes the due times from the opening time, the pauses, the policy and the calendar.
 * A due time depends on nothing else, so it is exact whenever it is recomputed: after every
 * change of pauses, policy or calendar. Null means no target, or a clock standing still.
 */
export function retime(ticket: TicketRow, settings: SlaSettings): void {
  const policy = settings.policies.get(ticket.priority);
  const pauses = pausesOf(ticket);
  ticket.firstResponseDueAt = policy ? addBusinessMinutes(ticket.createdAt, policy.firstResponseMinutes, settings.hours, pauses) : null;
  ticket.resolutionDueAt = policy ? addBusinessMinutes(ticket.createdAt, policy.resolutionMinutes, settings.hours, pauses) : null;
}

/**
 * The targets missed as of `now`. A clock ends at the time its target was met (first response,
 * or resolution, which also ends the first-response clock); until then it runs with `now`.
 */
export function breachedTargets(ticket: TimedTicket, now: Date): SlaTarget[] {
  const breached: SlaTarget[] = [];
  const responseEnd = ticket.firstResponseAt ?? ticket.resolvedAt ?? now;
  if (ticket.firstResponseDueAt && responseEnd > ticket.firstResponseDueAt) breached.push('FIRST_RESPONSE');
  const resolutionEnd = ticket.resolvedAt ?? now;
  if (ticket.resolutionDueAt && resolutionEnd > ticket.resolutionDueAt) breached.push('RESOLUTION');
  return breached;
}

export function isSlaBreached(ticket: TimedTicket, now: Date): boolean {
  return breachedTargets(ticket, now).length > 0;
}

/**
 * Publishes SlaBreached for each target missed as of `now` and not yet published, in the
 * caller's transaction, and marks it published on the row (the caller saves the row).
 */
export async function recordNewBreaches(scope: TenantScope, ticket: TicketRow, settings: SlaSettings, now: Date): Promise<void> {
  const policy = settings.policies.get(ticket.priority);
  if (!policy) return;
  for (const target of breachedTargets(ticket, now)) {
    const first = target === 'FIRST_RESPONSE';
    if ((first ? ticket.firstResponseBreachPublishedAt : ticket.resolutionBreachPublishedAt) !== null) continue;
    const dueAt = (first ? ticket.firstResponseDueAt : ticket.resolutionDueAt)!;
    await recordEvent(scope.manager, 'support', SlaBreachedV1, {
      tenantId: ticket.tenantId,
      customerId: ticket.customerId,
      occurredAt: now,
      payload: toSlaBreachedPayload(ticket, target, first ? policy.firstResponseMinutes : policy.resolutionMinutes, dueAt, now),
    });
    if (first) ticket.firstResponseBreachPublishedAt = now;
    else ticket.resolutionBreachPublishedAt = now;
  }
}
