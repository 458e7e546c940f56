import { EntitySchema } from 'typeorm';

export type LeadStatusValue = 'NEW' | 'ASSIGNED' | 'CONVERTED' | 'DISQUALIFIED';

export interface LeadRow {
  id: string;
  tenantId: string;
  name: string | null;
  email: string | null;
  company: string | null;
  country: string | null;
  industry: string | null;
  source: string | null;
  campaignId: string | null;
  status: LeadStatusValue;
  assigneeId: string | null;
  routingRuleId: string | null;
  assignedAt: Date | null;
  customerId: string | null;
  convertedAt: Date | null;
  createdAt: Date;
}

export const LeadEntity = new EntitySchema<LeadRow>({
  name: 'Lead',
  tableName: 'leads',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    name: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    company: { type: 'text', nullable: true },
    country: { type: 'text', nullable: true },
    industry: { type: 'text', nullable: true },
    source: { type: 'text', nullable: true },
    campaignId: { name: 'campaign_id', type: 'uuid', nullable: true },
    status: { type: 'text' },
    assigneeId: { name: 'assignee_id', type: 'uuid', nullable: true },
    routingRuleId: { name: 'routing_rule_id', type: 'uuid', nullable: true },
    assignedAt: { name: 'assigned_at', type: 'timestamptz', nullable: true },
    customerId: { name: 'customer_id', type: 'uuid', nullable: true },
    convertedAt: { name: 'converted_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
});

/** A routing rule: a lead matches when every criterion the rule sets equals the lead's. */
export interface RoutingRuleRow {
  id: string;
  tenantId: string;
  name: string;
  /** Lower first; the first matching rule routes the lead. */
  priority: number;
  country: string | null;
  industry: string | null;
  source: string | null;
  /** The skill a member needs to receive the lead; null: any member. */
  skill: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const RoutingRuleEntity = new EntitySchema<RoutingRuleRow>({
  name: 'RoutingRule',
  tableName: 'routing_rules',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    name: { type: 'text' },
    priority: { type: 'integer' },
    country: { type: 'text', nullable: true },
    industry: { type: 'text', nullable: true },
    source: { type: 'text', nullable: true },
    skill: { type: 'text', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});
