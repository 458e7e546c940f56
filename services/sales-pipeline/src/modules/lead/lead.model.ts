import type { LeadRow, LeadStatusValue, RoutingRuleRow } from './lead.entity.js';

export interface LeadModel {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  country: string | null;
  industry: string | null;
  source: string | null;
  campaignId: string | null;
  assigneeId: string | null;
  status: LeadStatusValue;
  customerId: string | null;
  convertedAt: Date | null;
  createdAt: Date;
}

export const toLeadModel = (row: LeadRow): LeadModel => ({
  id: row.id,
  // Erasure (a later issue) may clear the name; the API shape keeps it a string.
  name: row.name ?? '',
  email: row.email,
  company: row.company,
  country: row.country?.trim() ?? null,
  industry: row.industry,
  source: row.source,
  campaignId: row.campaignId,
  assigneeId: row.assigneeId,
  status: row.status,
  customerId: row.customerId,
  convertedAt: row.convertedAt,
  createdAt: row.createdAt,
});

export interface RoutingRuleModel {
  id: string;
  name: string;
  priority: number;
  country: string | null;
  industry: string | null;
  source: string | null;
  skill: string | null;
}

export const toRoutingRuleModel = (row: RoutingRuleRow): RoutingRuleModel => ({
  id: row.id,
  name: row.name,
  priority: row.priority,
  country: row.country?.trim() ?? null,
  industry: row.industry,
  source: row.source,
  skill: row.skill,
});
