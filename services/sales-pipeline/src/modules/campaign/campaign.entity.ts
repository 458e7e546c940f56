import { EntitySchema } from 'typeorm';

export interface CampaignRow {
  id: string;
  tenantId: string;
  /** Unique per tenant. */
  name: string;
  /** The acquisition channel CAC is computed by, e.g. "ads", "events", "referral". */
  channel: string;
  /** Spend is recorded in this currency. */
  currency: string;
  createdAt: Date;
  updatedAt: Date;
}

export const CampaignEntity = new EntitySchema<CampaignRow>({
  name: 'Campaign',
  tableName: 'campaigns',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    name: { type: 'text' },
    channel: { type: 'text' },
    currency: { type: 'text' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

export interface CampaignSpendRow {
  id: string;
  tenantId: string;
  campaignId: string;
  amount: string;
  periodStart: Date;
  periodEnd: Date;
  recordedAt: Date;
}

export const CampaignSpendEntity = new EntitySchema<CampaignSpendRow>({
  name: 'CampaignSpend',
  tableName: 'campaign_spend',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    campaignId: { name: 'campaign_id', type: 'uuid' },
    amount: { type: 'numeric', precision: 14, scale: 2 },
    periodStart: { name: 'period_start', type: 'timestamptz' },
    periodEnd: { name: 'period_end', type: 'timestamptz' },
    recordedAt: { name: 'recorded_at', type: 'timestamptz' },
  },
});
