import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import { errorOf, startSales, type SalesUnderTest } from './support/service.js';

const UPSERT = /* GraphQL */ `mutation Upsert($input: UpsertCampaignInput!) { upsertCampaign(input: $input) { campaign { id name channel spend { amount currency } } } }`;
const SPEND = /* GraphQL */ `mutation Spend($input: RecordCampaignSpendInput!) { recordCampaignSpend(input: $input) { campaign { id name channel spend { amount currency } } } }`;
const CAMPAIGNS = /* GraphQL */ `{ campaigns { id name channel spend { amount currency } } }`;
const PERIOD = { periodStart: '2025-03-01T00:00:00.000Z', periodEnd: '2025-03-31T23:59:59.000Z' };

let sales: SalesUnderTest;
let events: EventTap;

before(async () => {
  sales = await startSales();
  events = await tapEvents([TOPICS.campaigns]);
});
after(async () => {
  await events.stop();
  await sales.stop();
});

describe('sales-pipeline: campaigns and spend', () => {
  it('sums spend by campaign and publishes CampaignSpendRecorded for each record', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['marketing']);
    const campaign = (await sales.ok(token, UPSERT, { input: { name: 'Spring', channel: 'Ads', currency: 'eur' } }))['upsertCampaign'].campaign;
    assert.deepEqual(campaign.spend, { amount: 0, currency: 'EUR' });
    assert.equal(campaign.channel, 'ads');
    await sales.ok(token, SPEND, { input: { campaignId: campaign.id, amount: 1200.5, ...PERIOD } });
    const after = (await sales.ok(token, SPEND, { input: { campaignId: campaign.id, amount: 99.5, currency: 'EUR', ...PERIOD } }))['recordCampaignSpend'].campaign;
    assert.deepEqual(after.spend, { amount: 1300, currency: 'EUR' });
    assert.deepEqual((await sales.ok(await tenant.token(['analyst']), CAMPAIGNS))['campaigns'], [after]);
    await events.waitFor(tenant.tenantId, (e) => e.type === 'CampaignSpendRecorded' && e.payload['totalSpend'] === '1300.00', 'the second spend');
    const recorded = events.received(tenant.tenantId);
    assert.deepEqual(recorded.map((e) => e.payload['amount']), ['1200.50', '99.50']);
    assert.equal(recorded[0]?.topic, TOPICS.campaigns);
    assert.equal(recorded[0]?.key, campaign.id);
    assert.equal(recorded[0]?.payload['channel'], 'ads');
  });

  it('rejects a non-positive amount, another currency and a reversed period, writing nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const campaign = (await sales.ok(token, UPSERT, { input: { name: 'C', channel: 'events', currency: 'USD' } }))['upsertCampaign'].campaign;
    for (const [input, field] of [
      [{ amount: 0 }, 'amount'],
      [{ amount: -3 }, 'amount'],
      [{ amount: 3, currency: 'EUR' }, 'currency'],
      [{ amount: 3, periodStart: PERIOD.periodEnd, periodEnd: PERIOD.periodStart }, 'periodEnd'],
    ] as const) {
      assert.deepEqual(errorOf(await sales.request(token, SPEND, { input: { campaignId: campaign.id, ...PERIOD, ...input } })), { code: 'BAD_USER_INPUT', field });
    }
    assert.equal(await sales.count('campaign_spend', tenant.tenantId), 0);
  });

  it("lets marketing, sales and admin write campaigns, refuses support and analyst, and hides other tenants' campaigns", async () => {
    const tenant = createTestTenant();
    for (const role of ['support', 'analyst'] as const) {
      assert.equal(errorOf(await sales.request(await tenant.token([role]), UPSERT, { input: { name: 'X', channel: 'ads', currency: 'USD' } })).code, 'FORBIDDEN');
    }
    const campaign = (await sales.ok(await tenant.token(['sales']), UPSERT, { input: { name: 'X', channel: 'ads', currency: 'USD' } }))['upsertCampaign'].campaign;
    const stranger = await createTestTenant().token(['marketing']);
    assert.equal(errorOf(await sales.request(stranger, SPEND, { input: { campaignId: campaign.id, amount: 1, ...PERIOD } })).code, 'NOT_FOUND');
    assert.equal(errorOf(await sales.request(stranger, SPEND, { input: { campaignId: randomUUID(), amount: 1, ...PERIOD } })).code, 'NOT_FOUND');
    assert.deepEqual((await sales.ok(stranger, CAMPAIGNS))['campaigns'], []);
    assert.equal(await sales.count('campaign_spend', tenant.tenantId), 0);
  });
});
