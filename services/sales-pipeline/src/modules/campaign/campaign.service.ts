import { randomUUID } from 'node:crypto';
import { CampaignSpendRecordedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import { badInput, isUuid, notFound, requireRole, withTenant, type AuthContext, type TenantScope } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { RecordCampaignSpendInput, UpsertCampaignInput } from '../../generated/graphql.js';
import { centsOf, normaliseCurrency, toCents, toNumeric } from '../../money.js';
import { CAMPAIGN_WRITERS, READERS } from '../../roles.js';
import { dateOr, requireText } from '../../validation.js';
import { SALES_PRODUCER } from '../../producer.js';
import { CampaignEntity, CampaignSpendEntity, type CampaignRow } from './campaign.entity.js';
import type { CampaignModel } from './campaign.model.js';

async function spendOf(scope: TenantScope, campaignIds: readonly string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = (await scope.manager.query(
    `SELECT campaign_id, sum(amount)::text AS spend FROM campaign_spend WHERE tenant_id = $1 AND campaign_id = ANY($2::uuid[]) GROUP BY campaign_id`,
    [scope.tenantId, campaignIds],
  )) as { campaign_id: string; spend: string }[];
  return new Map(rows.map((row) => [row.campaign_id, centsOf(row.spend)] as const));
}

const toCampaignModel = (row: CampaignRow, spendCents: number): CampaignModel => ({
  id: row.id,
  name: row.name,
  channel: row.channel,
  currency: row.currency.trim(),
  spendCents,
});

export class CampaignService {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(auth: AuthContext, input: UpsertCampaignInput): Promise<CampaignModel> {
    requireRole(auth, CAMPAIGN_WRITERS);
    const name = requireText(input.name, 'name');
    const channel = requireText(input.channel, 'channel', 100).toLowerCase();
    const currency = normaliseCurrency(input.currency);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const campaigns = scope.repository(CampaignEntity);
      let row: CampaignRow | null;
      if (input.id !== null && input.id !== undefined) {
        if (!isUuid(input.id)) throw notFound('campaign', input.id);
        row = await campaigns.findById(input.id);
        if (!row) throw notFound('campaign', input.id);
        if (row.name !== name && (await campaigns.count({ name }))) throw badInput('name', `another campaign is named "${name}"`);
      } else {
        row = await campaigns.findOneBy({ name });
      }
      const now = new Date();
      if (!row) {
        const created = await campaigns.insert(campaigns.create({ id: randomUUID(), name, channel, currency, createdAt: now, updatedAt: now }));
        return toCampaignModel(created, 0);
      }
      const spend = (await spendOf(scope, [row.id])).get(row.id) ?? 0;
      if (spend > 0 && currency !== row.currency.trim()) throw badInput('currency', 'the currency of a campaign with spend cannot change');
      Object.assign(row, { name, channel, currency, updatedAt: now });
      return toCampaignModel(await campaigns.save(row), spend);
    });
  }

  async recordSpend(auth: AuthContext, input: RecordCampaignSpendInput): Promise<CampaignModel> {
    requireRole(auth, CAMPAIGN_WRITERS);
    const amount = toCents(input.amount, 'amount');
    const now = new Date();
    const periodStart = dateOr(input.periodStart, now);
    const periodEnd = dateOr(input.periodEnd, now);
    if (periodEnd.getTime() < periodStart.getTime()) throw badInput('periodEnd', 'periodEnd cannot precede periodStart');
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      if (!isUuid(input.campaignId)) throw notFound('campaign', input.campaignId);
      const row = await scope
        .repository(CampaignEntity)
        .queryBuilder('campaign')
        .andWhere('campaign.id = :id', { id: input.campaignId })
        .setLock('pessimistic_write')
        .getOne();
      if (!row) throw notFound('campaign', input.campaignId);
      const currency = row.currency.trim();
      if (input.currency !== null && input.currency !== undefined && normaliseCurrency(input.currency) !== currency) {
        throw badInput('currency', `spend of this campaign is recorded in ${currency}`);
      }
      const spendRows = scope.repository(CampaignSpendEntity);
      await spendRows.insert(spendRows.create({ id: randomUUID(), campaignId: row.id, amount: toNumeric(amount), periodStart, periodEnd, recordedAt: now }));
      const total = (await spendOf(scope, [row.id])).get(row.id) ?? amount;
      await recordEvent(scope.manager, SALES_PRODUCER, CampaignSpendRecordedV1, {
        tenantId: scope.tenantId,
        // Spend belongs to no customer: the campaign id is the key (see the contract).
        customerId: row.id,
        payload: {
          campaignId: row.id,
          name: row.name,
          channel: row.channel,
          amount: toNumeric(amount),
          currency,
          periodStart: periodStart.toISOString(),
          periodEnd: periodEnd.toISOString(),
          totalSpend: toNumeric(total),
        },
        occurredAt: now,
      });
      return toCampaignModel(row, total);
    });
  }

  async list(auth: AuthContext): Promise<CampaignModel[]> {
    requireRole(auth, READERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const rows = await scope.repository(CampaignEntity).find({ order: { name: 'ASC' } });
      const spend = await spendOf(scope, rows.map((row) => row.id));
      return rows.map((row) => toCampaignModel(row, spend.get(row.id) ?? 0));
    });
  }

  /** Any number of campaigns by id, with their spend, in two queries. */
  async findByIds(auth: AuthContext, ids: readonly string[]): Promise<CampaignModel[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const rows = await scope.repository(CampaignEntity).findByIds(valid);
      const spend = await spendOf(scope, rows.map((row) => row.id));
      return rows.map((row) => toCampaignModel(row, spend.get(row.id) ?? 0));
    });
  }
}
