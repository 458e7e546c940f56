import { randomUUID } from 'node:crypto';
import { LeadConvertedV1, LeadCreatedV1, LeadDisqualifiedV1, RoutingRuleUpsertedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import {
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
import type { AssignLeadInput, ConvertLeadInput, CreateLeadInput, DisqualifyLeadInput, LeadStatus, UpsertRoutingRuleInput } from '../../generated/graphql.js';
import { READERS, WRITERS } from '../../roles.js';
import { requireText, requireUuid } from '../../validation.js';
import { CampaignEntity } from '../campaign/campaign.entity.js';
import { SALES_PRODUCER } from '../../producer.js';
import { LeadEntity, RoutingRuleEntity, type RoutingRuleRow } from './lead.entity.js';
import { toLeadConvertedPayload, toLeadCreatedPayload } from './lead.events.js';
import { toLeadModel, toRoutingRuleModel, type LeadModel, type RoutingRuleModel } from './lead.model.js';

function optionalText(value: string | null | undefined, field: string, maxLength = 200): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requireText(value, field, maxLength);
}

function optionalCountry(value: string | null | undefined, field = 'country'): string | null {
  const text = optionalText(value, field);
  if (text === null) return null;
  const code = text.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw badInput(field, `"${value}" is not an ISO-3166 alpha-2 country code`);
  return code;
}

function optionalEmail(value: string | null | undefined): string | null {
  const text = optionalText(value, 'email', 254);
  if (text === null) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) throw badInput('email', `"${value}" is not a valid email address`);
  return text.toLowerCase();
}

interface Assignment {
  memberId: string;
  ruleId: string;
}

export class LeadService {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the lead and routes it in the same transaction; no matching rule or member leaves it NEW. */
  async create(auth: AuthContext, input: CreateLeadInput): Promise<LeadModel> {
    requireRole(auth, WRITERS);
    const values = {
      name: requireText(input.name, 'name'),
      email: optionalEmail(input.email),
      company: optionalText(input.company, 'company'),
      country: optionalCountry(input.country),
      industry: optionalText(input.industry, 'industry'),
      source: optionalText(input.source, 'source'),
    };
    const campaignId = input.campaignId === null || input.campaignId === undefined ? null : requireUuid(input.campaignId, 'campaignId');
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      if (campaignId !== null && !(await scope.repository(CampaignEntity).findById(campaignId))) {
        throw badInput('campaignId', `unknown campaign ${campaignId}`);
      }
      const now = new Date();
      const assignment = await this.route(scope, values);
      const leads = scope.repository(LeadEntity);
      const row = await leads.insert(
        leads.create({
          id: randomUUID(),
          ...values,
          campaignId,
          status: assignment ? 'ASSIGNED' : 'NEW',
          assigneeId: assignment?.memberId ?? null,
          routingRuleId: assignment?.ruleId ?? null,
          assignedAt: assignment ? now : null,
          customerId: null,
          convertedAt: null,
          createdAt: now,
        }),
      );
      const lead = toLeadModel(row);
      await recordEvent(scope.manager, SALES_PRODUCER, LeadCreatedV1, {
        tenantId: scope.tenantId,
        // A lead has no customer yet: its own id is the key, and the id of the customer it may become.
        customerId: lead.id,
        payload: toLeadCreatedPayload(lead, assignment?.ruleId ?? null),
        occurredAt: now,
      });
      return lead;
    });
  }

  /**
   * Conversion is an event, not a call: LeadConverted tells contacts to create the customer
   * (under the lead's id) or that the lead joined an existing one. The lead is CONVERTED and
   * linked at once; the customer appears in contacts when it handles the event.
   */
  async convert(auth: AuthContext, input: ConvertLeadInput): Promise<LeadModel> {
    requireRole(auth, WRITERS);
    const existingCustomer = input.customerId === null || input.customerId === undefined ? null : requireUuid(input.customerId, 'customerId');
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      if (!isUuid(input.leadId)) throw notFound('lead', input.leadId);
      const row = await scope.repository(LeadEntity).queryBuilder('lead').andWhere('lead.id = :id', { id: input.leadId }).setLock('pessimistic_write').getOne();
      if (!row) throw notFound('lead', input.leadId);
      if (row.status === 'CONVERTED' || row.status === 'DISQUALIFIED') {
        throw badInput('leadId', `the lead is ${row.status.toLowerCase()}`);
      }
      const now = new Date();
      row.status = 'CONVERTED';
      row.customerId = existingCustomer ?? row.id;
      row.convertedAt = now;
      await scope.manager.update(LeadEntity, { id: row.id, tenantId: scope.tenantId }, { status: row.status, customerId: row.customerId, convertedAt: now });
      const lead = toLeadModel(row);
      await recordEvent(scope.manager, SALES_PRODUCER, LeadConvertedV1, {
        tenantId: scope.tenantId,
        customerId: row.customerId,
        payload: toLeadConvertedPayload({ ...lead, convertedAt: now }, existingCustomer === null),
        occurredAt: now,
      });
      return lead;
    });
  }

  /** Out of the funnel: a disqualified lead no longer counts in its assignee's open load. */
  async disqualify(auth: AuthContext, input: DisqualifyLeadInput): Promise<LeadModel> {
    requireRole(auth, WRITERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      if (!isUuid(input.leadId)) throw notFound('lead', input.leadId);
      const row = await scope.repository(LeadEntity).queryBuilder('lead').andWhere('lead.id = :id', { id: input.leadId }).setLock('pessimistic_write').getOne();
      if (!row) throw notFound('lead', input.leadId);
      if (row.status === 'DISQUALIFIED') return toLeadModel(row);
      if (row.status === 'CONVERTED') throw badInput('leadId', 'the lead is converted');
      const now = new Date();
      row.status = 'DISQUALIFIED';
      await scope.manager.update(LeadEntity, { id: row.id, tenantId: scope.tenantId }, { status: row.status });
      await recordEvent(scope.manager, SALES_PRODUCER, LeadDisqualifiedV1, {
        tenantId: scope.tenantId,
        customerId: row.id,
        payload: {
          leadId: row.id,
          assigneeId: row.assigneeId,
          source: row.source,
          campaignId: row.campaignId,
          createdAt: row.createdAt.toISOString(),
          disqualifiedAt: now.toISOString(),
        },
        occurredAt: now,
      });
      return toLeadModel(row);
    });
  }

  /** Manual assignment; it counts in the member's open load like a routed one. */
  async assign(auth: AuthContext, input: AssignLeadInput): Promise<LeadModel> {
    requireRole(auth, WRITERS);
    const assigneeId = requireUuid(input.assigneeId, 'assigneeId');
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      if (!isUuid(input.leadId)) throw notFound('lead', input.leadId);
      const row = await scope.repository(LeadEntity).queryBuilder('lead').andWhere('lead.id = :id', { id: input.leadId }).setLock('pessimistic_write').getOne();
      if (!row) throw notFound('lead', input.leadId);
      if (row.status === 'CONVERTED' || row.status === 'DISQUALIFIED') {
        throw badInput('leadId', `the lead is ${row.status.toLowerCase()}`);
      }
      const now = new Date();
      Object.assign(row, { status: 'ASSIGNED', assigneeId, routingRuleId: null, assignedAt: now });
      await scope.manager.update(
        LeadEntity,
        { id: row.id, tenantId: scope.tenantId },
        { status: row.status, assigneeId, routingRuleId: null, assignedAt: now },
      );
      return toLeadModel(row);
    });
  }

  async upsertRule(auth: AuthContext, input: UpsertRoutingRuleInput): Promise<RoutingRuleModel> {
    requireRole(auth, WRITERS);
    if (input.priority !== null && input.priority !== undefined && (!Number.isInteger(input.priority) || input.priority < 0)) {
      throw badInput('priority', 'priority must be zero or more');
    }
    const values = {
      name: requireText(input.name, 'name'),
      priority: input.priority ?? 100,
      country: optionalCountry(input.country),
      industry: optionalText(input.industry, 'industry'),
      source: optionalText(input.source, 'source'),
      skill: optionalText(input.skill, 'skill'),
    };
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const rules = scope.repository(RoutingRuleEntity);
      const now = new Date();
      let saved: RoutingRuleRow;
      if (input.id === null || input.id === undefined) {
        saved = await rules.insert(rules.create({ id: randomUUID(), ...values, createdAt: now, updatedAt: now }));
      } else {
        if (!isUuid(input.id)) throw notFound('routing rule', input.id);
        const row = await rules.findById(input.id);
        if (!row) throw notFound('routing rule', input.id);
        Object.assign(row, values, { updatedAt: now });
        saved = await rules.save(row);
      }
      // Contacts routes new customers without an owner by the same rules.
      await recordEvent(scope.manager, SALES_PRODUCER, RoutingRuleUpsertedV1, {
        tenantId: scope.tenantId,
        customerId: saved.id,
        payload: {
          ruleId: saved.id,
          name: saved.name,
          priority: saved.priority,
          country: saved.country?.trim() ?? null,
          industry: saved.industry,
          source: saved.source,
          skill: saved.skill,
          createdAt: saved.createdAt.toISOString(),
          updatedAt: saved.updatedAt.toISOString(),
        },
        occurredAt: now,
      });
      return toRoutingRuleModel(saved);
    });
  }

  async rules(auth: AuthContext): Promise<RoutingRuleModel[]> {
    requireRole(auth, READERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (await scope.repository(RoutingRuleEntity).find({ order: { priority: 'ASC', createdAt: 'ASC', id: 'ASC' } })).map(toRoutingRuleModel),
    );
  }

  async list(auth: AuthContext, first: number | null | undefined, after: string | null | undefined, status: LeadStatus | null | undefined): Promise<Connection<LeadModel>> {
    requireRole(auth, READERS);
    const limit = pageSize(first);
    const position = decodeCursor(after);
    if (position && (!isUuid(position.id) || Number.isNaN(Date.parse(position.sortValue)))) {
      throw badInput('after', 'cursor is not one this API issued');
    }
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const filtered = scope.repository(LeadEntity).queryBuilder('lead');
      if (status) filtered.andWhere('lead.status = :status', { status });
      const page = filtered.clone().orderBy('lead.createdAt', 'DESC').addOrderBy('lead.id', 'DESC');
      if (position) page.andWhere('(lead.createdAt, lead.id) < (:createdAt, :id)', { createdAt: position.sortValue, id: position.id });
      const [rows, totalCount] = await Promise.all([page.take(limit + 1).getMany(), filtered.getCount()]);
      return toConnection(rows, limit, totalCount, (row) => ({ sortValue: row.createdAt.toISOString(), id: row.id }), toLeadModel);
    });
  }

  /**
   * The first matching rule (by priority) with an eligible member wins. Eligible: available,
   * with the rule's skill, and covering the lead's country (no territories: anywhere). Among
   * them the least open load wins, then the longest since the last assignment, so members of
   * equal load take turns. One tenant's routing runs one lead at a time (an advisory lock), so
   * two concurrent leads never read the same load.
   */
  private async route(scope: TenantScope, lead: { country: string | null; industry: string | null; source: string | null }): Promise<Assignment | null> {
    await scope.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`routing:${scope.tenantId}`]);
    const rules = (await scope
      .repository(RoutingRuleEntity)
      .queryBuilder('rule')
      .andWhere('(rule.country IS NULL OR rule.country = :country)', { country: lead.country })
      .andWhere('(rule.industry IS NULL OR lower(rule.industry) = lower(:industry))', { industry: lead.industry })
      .andWhere('(rule.source IS NULL OR lower(rule.source) = lower(:source))', { source: lead.source })
      .orderBy('rule.priority', 'ASC')
      .addOrderBy('rule.createdAt', 'ASC')
      .addOrderBy('rule.id', 'ASC')
      .getMany()) as RoutingRuleRow[];
    for (const rule of rules) {
      const [member] = (await scope.manager.query(
        `SELECT member.id
           FROM members member
           LEFT JOIN LATERAL (
             SELECT count(*) FILTER (WHERE status = 'ASSIGNED') AS open_load, max(assigned_at) AS last_assigned_at
               FROM leads
              WHERE leads.tenant_id = member.tenant_id AND leads.assignee_id = member.id
           ) load ON true
          WHERE member.tenant_id = $1 AND member.available
            AND ($2::text IS NULL OR $2::text = ANY(member.skills))
            AND ($3::text IS NULL OR cardinality(member.territories) = 0 OR $3::text = ANY(member.territories))
          ORDER BY load.open_load ASC, load.last_assigned_at ASC NULLS FIRST, member.id ASC
          LIMIT 1`,
        [scope.tenantId, rule.skill, lead.country],
      )) as { id: string }[];
      if (member) return { memberId: member.id, ruleId: rule.id };
    }
    return null;
  }
}
