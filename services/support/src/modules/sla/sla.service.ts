import { randomUUID } from 'node:crypto';
import { acrossTenants, badInput, requireRole, withTenant, type AuthContext, type TenantScope } from '@rapport/service-kit';
import { Not, type DataSource } from 'typeorm';
import type { Clock } from '../../clock.js';
import type { UpsertBusinessHoursInput, UpsertSlaPolicyInput } from '../../generated/graphql.js';
import { READERS, WRITERS } from '../../roles.js';
import { TicketEntity, type TicketPriority } from '../ticket/ticket.entity.js';
import { DEFAULT_BUSINESS_HOURS, parseClockTime, type BusinessHours } from './business-time.js';
import { recordNewBreaches, retime, type SlaSettings, type SlaTargets } from './sla-clock.js';
import { BusinessHoursEntity, SlaPolicyEntity } from './sla.entity.js';
import { toBusinessHoursModel, toSlaPolicyModel, type BusinessHoursModel, type SlaPolicyModel } from './sla.model.js';

const PRIORITY_ORDER: readonly TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
// A year of minutes: a larger target is a typo, and bounds the business-time walk.
const MAX_TARGET_MINUTES = 525_600;

/** The policies and calendar of the scope's tenant, read in the caller's transaction. */
export async function loadSlaSettings(scope: TenantScope): Promise<SlaSettings> {
  const [policies, hours] = await Promise.all([
    scope.repository(SlaPolicyEntity).find(),
    scope.repository(BusinessHoursEntity).findOneBy({}),
  ]);
  return {
    policies: new Map<TicketPriority, SlaTargets>(policies.map((policy) => [policy.priority, policy])),
    hours: hours ?? DEFAULT_BUSINESS_HOURS,
  };
}

/** Due times follow the policy and calendar in force: open tickets are re-timed when either changes. */
async function retimeOpenTickets(scope: TenantScope, now: Date, priority?: TicketPriority): Promise<void> {
  const settings = await loadSlaSettings(scope);
  const tickets = scope.repository(TicketEntity);
  // Closed tickets keep the times they closed with.
  const open = await tickets.find({ where: { status: Not('CLOSED'), ...(priority ? { priority } : {}) } });
  for (const ticket of open) {
    retime(ticket, settings);
    await recordNewBreaches(scope, ticket, settings, now);
  }
  for (const ticket of open) await tickets.save(ticket);
}

function targetMinutes(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_TARGET_MINUTES) {
    throw badInput(field, `${field} must be a whole number of minutes between 1 and ${MAX_TARGET_MINUTES}`);
  }
  return value;
}

/**
 * SQL for "a target is missed as of `now` and its breach not yet published", the same rule
 * as `breachedTargets`; `alias` is a table alias whose columns are the database names.
 */
export function unpublishedBreach(alias: string, now: string): string {
  return `((${alias}.first_response_breach_published_at IS NULL AND ${alias}.first_response_due_at IS NOT NULL
             AND COALESCE(${alias}.first_response_at, ${alias}.resolved_at, ${now}) > ${alias}.first_response_due_at)
        OR (${alias}.resolution_breach_published_at IS NULL AND ${alias}.resolution_due_at IS NOT NULL
             AND COALESCE(${alias}.resolved_at, ${now}) > ${alias}.resolution_due_at))`;
}

export class SlaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async policies(auth: AuthContext): Promise<SlaPolicyModel[]> {
    requireRole(auth, READERS);
    const rows = await withTenant(this.dataSource, auth.tenantId, (scope) => scope.repository(SlaPolicyEntity).find());
    return rows.sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority)).map(toSlaPolicyModel);
  }

  async upsertPolicy(auth: AuthContext, input: UpsertSlaPolicyInput): Promise<SlaPolicyModel> {
    requireRole(auth, WRITERS);
    const firstResponseMinutes = targetMinutes(input.firstResponseMinutes, 'firstResponseMinutes');
    const resolutionMinutes = targetMinutes(input.resolutionMinutes, 'resolutionMinutes');
    if (resolutionMinutes < firstResponseMinutes) {
      throw badInput('resolutionMinutes', 'resolutionMinutes cannot be shorter than firstResponseMinutes');
    }
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      // One policy per priority even under concurrent upserts: the unique key decides.
      const [row] = (await scope.manager.query(
        `INSERT INTO sla_policies (id, tenant_id, priority, first_response_minutes, resolution_minutes)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, priority) DO UPDATE
           SET first_response_minutes = EXCLUDED.first_response_minutes, resolution_minutes = EXCLUDED.resolution_minutes
         RETURNING id`,
        [randomUUID(), scope.tenantId, input.priority, firstResponseMinutes, resolutionMinutes],
      )) as { id: string }[];
      await retimeOpenTickets(scope, this.clock.now(), input.priority);
      return { id: row!.id, priority: input.priority, firstResponseMinutes, resolutionMinutes };
    });
  }

  async businessHours(auth: AuthContext): Promise<BusinessHoursModel> {
    requireRole(auth, READERS);
    const row = await withTenant(this.dataSource, auth.tenantId, (scope) => scope.repository(BusinessHoursEntity).findOneBy({}));
    return toBusinessHoursModel(row ?? DEFAULT_BUSINESS_HOURS);
  }

  async upsertBusinessHours(auth: AuthContext, input: UpsertBusinessHoursInput): Promise<BusinessHoursModel> {
    requireRole(auth, WRITERS);
    const weekdays = [...new Set(input.weekdays)].sort((a, b) => a - b);
    if (weekdays.length === 0 || weekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
      throw badInput('weekdays', 'weekdays must name at least one ISO weekday, 1 (Monday) to 7 (Sunday)');
    }
    const startMinute = parseClockTime(input.start);
    if (startMinute === undefined) throw badInput('start', 'start must be a time of day as HH:MM');
    const endMinute = parseClockTime(input.end);
    if (endMinute === undefined) throw badInput('end', 'end must be a time of day as HH:MM');
    if (endMinute <= startMinute) throw badInput('end', 'end must be after start');
    const hours: BusinessHours = { weekdays, startMinute, endMinute };
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      await scope.manager.query(
        `INSERT INTO business_hours (tenant_id, weekdays, start_minute, end_minute) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO UPDATE
           SET weekdays = EXCLUDED.weekdays, start_minute = EXCLUDED.start_minute, end_minute = EXCLUDED.end_minute`,
        [scope.tenantId, weekdays, startMinute, endMinute],
      );
      await retimeOpenTickets(scope, this.clock.now());
      return toBusinessHoursModel(hours);
    });
  }

  /**
   * Publishes SlaBreached for every ticket whose target is missed as of `now` and not yet
   * published: once per ticket and target, since the row lock and the published marks are
   * taken in the same transaction as the event. `tenantId` limits the run to one tenant.
   * Returns how many tickets got a breach published.
   */
  async checkBreaches(now: Date, options: { tenantId?: string } = {}): Promise<number> {
    // The one read across tenants: it finds which tenants have work, then each tenant's rows
    // are read and changed in that tenant's own scope.
    const due = (await acrossTenants(this.dataSource, (manager) => manager.query(
      `SELECT DISTINCT tenant_id FROM tickets
        WHERE ($2::uuid IS NULL OR tenant_id = $2)
          AND ${unpublishedBreach('tickets', '$1')}`,
      [now, options.tenantId ?? null],
    ))) as { tenant_id: string }[];
    let published = 0;
    for (const { tenant_id: tenantId } of due) {
      published += await withTenant(this.dataSource, tenantId, async (scope) => {
        const candidates = await scope
          .repository(TicketEntity)
          .queryBuilder('ticket')
          .andWhere(unpublishedBreach('ticket', ':now'), { now })
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        const settings = await loadSlaSettings(scope);
        const changed = [];
        for (const ticket of candidates) {
          const before = [ticket.firstResponseBreachPublishedAt, ticket.resolutionBreachPublishedAt];
          await recordNewBreaches(scope, ticket, settings, now);
          if (before[0] !== ticket.firstResponseBreachPublishedAt || before[1] !== ticket.resolutionBreachPublishedAt) changed.push(ticket);
        }
        for (const ticket of changed) await scope.repository(TicketEntity).save(ticket);
        return changed.length;
      });
    }
    return published;
  }
}

