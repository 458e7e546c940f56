import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { createTestTenant, type EventTap, tapEvents, type TestTenant } from '@rapport/test-kit';
import { errorOf, startSales, type SalesUnderTest } from './support/service.js';

const LEAD_FIELDS = 'id name email company country source status assigneeId campaign { id name } customer { id } convertedAt createdAt';
const CREATE = /* GraphQL */ `mutation Create($input: CreateLeadInput!) { createLead(input: $input) { lead { ${LEAD_FIELDS} } } }`;
const CONVERT = /* GraphQL */ `mutation Convert($input: ConvertLeadInput!) { convertLead(input: $input) { lead { ${LEAD_FIELDS} } } }`;
const RULE = /* GraphQL */ `mutation Rule($input: UpsertRoutingRuleInput!) { upsertRoutingRule(input: $input) { routingRule { id name priority country industry source skill } } }`;
const LEADS = /* GraphQL */ `
  query Leads($first: Int, $after: String, $status: LeadStatus) {
    leads(first: $first, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name status } } }
  }
`;
const ASSIGN = /* GraphQL */ `mutation Assign($input: AssignLeadInput!) { assignLead(input: $input) { lead { ${LEAD_FIELDS} } } }`;
const CAMPAIGN = /* GraphQL */ `mutation Campaign($input: UpsertCampaignInput!) { upsertCampaign(input: $input) { campaign { id name } } }`;

let sales: SalesUnderTest;
let events: EventTap;

before(async () => {
  sales = await startSales();
  events = await tapEvents([TOPICS.leads]);
});
after(async () => {
  await events.stop();
  await sales.stop();
});

/**
 * Members live in contacts; this service keeps a copy for routing, to be fed by contacts'
 * member events. Until those exist, tests write the copy directly.
 */
async function member(tenant: TestTenant, name: string, territories: string[], skills: string[], available = true): Promise<string> {
  const id = randomUUID();
  await sales.service.dataSource.query(
    `INSERT INTO members (id, tenant_id, name, territories, skills, available) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, tenant.tenantId, name, territories, skills, available],
  );
  return id;
}

async function setAvailable(tenant: TestTenant, memberId: string, available: boolean) {
  await sales.service.dataSource.query(`UPDATE members SET available = $3 WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, memberId, available]);
}

async function lead(token: string, input: Record<string, unknown>) {
  return (await sales.ok(token, CREATE, { input: { name: 'Lead', ...input } }))['createLead'].lead as Record<string, any>;
}

describe('sales-pipeline: leads and routing', () => {
  it('routes 30 leads by rule priority, skill, territory and availability, taking turns among equal loads', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const ada = await member(tenant, 'Ada', ['US', 'CA'], ['enterprise']);
    const ben = await member(tenant, 'Ben', ['US'], ['enterprise', 'smb']);
    const chloe = await member(tenant, 'Chloe', ['FR'], ['smb']);
    await member(tenant, 'Dan', ['US'], ['enterprise'], false);
    await sales.ok(token, RULE, { input: { name: 'US catch-all', priority: 30, country: 'us' } });
    await sales.ok(token, RULE, { input: { name: 'Partners', priority: 10, source: 'partner', skill: 'enterprise' } });
    await sales.ok(token, RULE, { input: { name: 'France', priority: 20, country: 'FR', skill: 'smb' } });

    const partner: string[] = [];
    for (let index = 0; index < 10; index += 1) partner.push((await lead(token, { country: 'US', source: 'Partner' })).assigneeId);
    const french: string[] = [];
    for (let index = 0; index < 10; index += 1) french.push((await lead(token, { country: 'fr', source: 'web' })).assigneeId);
    const american: string[] = [];
    for (let index = 0; index < 6; index += 1) american.push((await lead(token, { country: 'US', source: 'web' })).assigneeId);
    const unmatched: Record<string, any>[] = [];
    for (let index = 0; index < 4; index += 1) unmatched.push(await lead(token, { country: 'DE', source: 'web' }));

    // Partners need the enterprise skill: Ada and Ben (Dan is away), alternately.
    assert.deepEqual(new Set(partner), new Set([ada, ben]));
    for (let index = 1; index < partner.length; index += 1) assert.notEqual(partner[index], partner[index - 1]);
    assert.deepEqual(french, Array(10).fill(chloe));
    // US leads without a partner source: anyone covering the US, equally loaded, in turns.
    assert.equal(american.filter((id) => id === ada).length, 3);
    assert.equal(american.filter((id) => id === ben).length, 3);
    for (const unrouted of unmatched) {
      assert.equal(unrouted.status, 'NEW');
      assert.equal(unrouted.assigneeId, null);
    }
    const counts = await sales.service.dataSource.query(
      `SELECT assignee_id, count(*)::int AS n FROM leads WHERE tenant_id = $1 GROUP BY assignee_id`,
      [tenant.tenantId],
    );
    const byMember = new Map(counts.map((row: { assignee_id: string | null; n: number }) => [row.assignee_id, row.n]));
    assert.deepEqual([byMember.get(ada), byMember.get(ben), byMember.get(chloe), byMember.get(null)], [8, 8, 10, 4]);
  });

  it('gives new leads to the member with the least open load first', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const busy = await member(tenant, 'Busy', [], []);
    const back = await member(tenant, 'Back', [], [], false);
    await sales.ok(token, RULE, { input: { name: 'Everyone' } });
    for (let index = 0; index < 4; index += 1) assert.equal((await lead(token, {})).assigneeId, busy);
    await setAvailable(tenant, back, true);
    const next: string[] = [];
    for (let index = 0; index < 6; index += 1) next.push((await lead(token, {})).assigneeId);
    assert.deepEqual(next.slice(0, 4), [back, back, back, back]);
    assert.deepEqual(new Set(next.slice(4)), new Set([busy, back]));
  });

  it('assigns an unrouted lead by hand, counting it in the open load routing weighs, and never a converted one', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const manual = await member(tenant, 'Manual', [], []);
    const other = await member(tenant, 'Other', [], []);
    const unrouted = await lead(token, { name: 'Nobody matched' });
    assert.equal(unrouted.status, 'NEW');
    const assigned = (await sales.ok(token, ASSIGN, { input: { leadId: unrouted.id, assigneeId: manual } }))['assignLead'].lead;
    assert.equal(assigned.status, 'ASSIGNED');
    assert.equal(assigned.assigneeId, manual);
    // With one open lead already, Manual is not the least loaded: routing picks Other.
    await sales.ok(token, RULE, { input: { name: 'Everyone' } });
    assert.equal((await lead(token, {})).assigneeId, other);
    await sales.ok(token, CONVERT, { input: { leadId: unrouted.id } });
    assert.deepEqual(errorOf(await sales.request(token, ASSIGN, { input: { leadId: unrouted.id, assigneeId: other } })), { code: 'BAD_USER_INPUT', field: 'leadId' });
    const stranger = await createTestTenant().token();
    assert.equal(errorOf(await sales.request(stranger, ASSIGN, { input: { leadId: assigned.id, assigneeId: other } })).code, 'NOT_FOUND');
  });

  it('publishes LeadCreated with the assignment, keyed by the lead id', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const assignee = await member(tenant, 'Solo', ['GB'], []);
    await sales.ok(token, RULE, { input: { name: 'UK', country: 'GB' } });
    const campaign = (await sales.ok(token, CAMPAIGN, { input: { name: 'Spring', channel: 'ads', currency: 'GBP' } }))['upsertCampaign'].campaign;
    const created = await lead(token, { name: 'Jo Bloggs', email: 'Jo@Example.com', company: 'Bloggs Ltd', country: 'gb', source: 'ads', campaignId: campaign.id });
    assert.equal(created.status, 'ASSIGNED');
    assert.equal(created.email, 'jo@example.com');
    assert.deepEqual(created.campaign, { id: campaign.id, name: 'Spring' });
    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'LeadCreated', 'LeadCreated');
    assert.equal(event.topic, TOPICS.leads);
    assert.equal(event.key, created.id);
    assert.equal(event.payload['assigneeId'], assignee);
    assert.equal(event.payload['campaignId'], campaign.id);
    assert.equal(event.payload['country'], 'GB');
  });

  it('converts a lead into a new customer under the lead id, or links an existing one, once, and publishes LeadConverted', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const fresh = await lead(token, { name: 'New Co' });
    const converted = (await sales.ok(token, CONVERT, { input: { leadId: fresh.id } }))['convertLead'].lead;
    assert.equal(converted.status, 'CONVERTED');
    assert.deepEqual(converted.customer, { id: fresh.id });
    assert.ok(converted.convertedAt);
    const again = await sales.request(token, CONVERT, { input: { leadId: fresh.id } });
    assert.deepEqual(errorOf(again), { code: 'BAD_USER_INPUT', field: 'leadId' });

    const existing = randomUUID();
    const linked = await lead(token, { name: 'Known Co' });
    const linkedLead = (await sales.ok(token, CONVERT, { input: { leadId: linked.id, customerId: existing } }))['convertLead'].lead;
    assert.deepEqual(linkedLead.customer, { id: existing });

    const created = await events.waitFor(tenant.tenantId, (e) => e.type === 'LeadConverted' && e.payload['leadId'] === fresh.id, 'LeadConverted (new)');
    assert.equal(created.key, fresh.id);
    assert.equal(created.payload['createCustomer'], true);
    assert.equal(created.payload['name'], 'New Co');
    assert.ok(created.payload['secondsToConvert'] >= 0);
    const link = await events.waitFor(tenant.tenantId, (e) => e.type === 'LeadConverted' && e.payload['leadId'] === linked.id, 'LeadConverted (link)');
    assert.equal(link.key, existing);
    assert.equal(link.payload['createCustomer'], false);
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'LeadConverted').length, 2);
  });

  it('rejects bad lead input and unknown campaigns, writing nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    for (const [input, field] of [
      [{ name: ' ' }, 'name'],
      [{ email: 'not-an-email' }, 'email'],
      [{ country: 'Narnia' }, 'country'],
      [{ campaignId: randomUUID() }, 'campaignId'],
    ] as const) {
      assert.deepEqual(errorOf(await sales.request(token, CREATE, { input: { name: 'X', ...(input as Record<string, unknown>) } })), { code: 'BAD_USER_INPUT', field });
    }
    assert.equal(await sales.count('leads', tenant.tenantId), 0);
  });

  it("keeps leads per tenant: another tenant's lead is NOT_FOUND to convert and absent from lists; support reads, cannot write", async () => {
    const owner = createTestTenant();
    const token = await owner.token();
    const mine = await lead(token, { name: 'Mine' });
    const stranger = await createTestTenant().token();
    assert.equal(errorOf(await sales.request(stranger, CONVERT, { input: { leadId: mine.id } })).code, 'NOT_FOUND');
    assert.equal((await sales.ok(stranger, LEADS, {}))['leads'].totalCount, 0);
    const support = await owner.token(['support']);
    assert.equal((await sales.ok(support, LEADS, {}))['leads'].totalCount, 1);
    assert.equal(errorOf(await sales.request(support, CREATE, { input: { name: 'X' } })).code, 'FORBIDDEN');
    assert.equal(errorOf(await sales.request(support, CONVERT, { input: { leadId: mine.id } })).code, 'FORBIDDEN');
    assert.equal(errorOf(await sales.request(support, RULE, { input: { name: 'R' } })).code, 'FORBIDDEN');
    assert.equal(await sales.count('leads', owner.tenantId), 1);
  });

  it('lists leads newest first, by status, in pages', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const names = ['L1', 'L2', 'L3'];
    const ids: string[] = [];
    for (const name of names) ids.push((await lead(token, { name })).id);
    await sales.ok(token, CONVERT, { input: { leadId: ids[0] } });
    const first = (await sales.ok(token, LEADS, { first: 2 }))['leads'];
    assert.deepEqual(first.edges.map((edge: any) => edge.node.name), ['L3', 'L2']);
    const rest = (await sales.ok(token, LEADS, { first: 2, after: first.pageInfo.endCursor }))['leads'];
    assert.deepEqual(rest.edges.map((edge: any) => edge.node.name), ['L1']);
    const converted = (await sales.ok(token, LEADS, { status: 'CONVERTED' }))['leads'];
    assert.deepEqual(converted.edges.map((edge: any) => edge.node.name), ['L1']);
  });
});
