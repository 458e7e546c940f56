import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { resolveEntities } from '@rapport/service-kit';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import { CREATE_DEAL, createDeal, DEAL_FIELDS, errorOf, startSales, type SalesUnderTest } from './support/service.js';

const MOVE = /* GraphQL */ `mutation Move($input: MoveDealInput!) { moveDeal(input: $input) { deal { ${DEAL_FIELDS} } } }`;
const WIN = /* GraphQL */ `mutation Win($input: WinDealInput!) { winDeal(input: $input) { deal { ${DEAL_FIELDS} } } }`;
const LOSE = /* GraphQL */ `mutation Lose($input: LoseDealInput!) { loseDeal(input: $input) { deal { ${DEAL_FIELDS} } } }`;
const DEAL = /* GraphQL */ `query Deal($id: ID!) { deal(id: $id) { ${DEAL_FIELDS} } }`;
const DEALS = /* GraphQL */ `
  query Deals($first: Int, $after: String, $filter: DealFilter) {
    deals(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title status } } }
  }
`;
const PIPELINES = /* GraphQL */ `{ pipelines { id isDefault stages { id name } } }`;
const CREATE_PIPELINE = /* GraphQL */ `
  mutation Create($input: CreatePipelineInput!) { createPipeline(input: $input) { pipeline { id stages { id } } } }
`;

let sales: SalesUnderTest;
let events: EventTap;

before(async () => {
  sales = await startSales();
  events = await tapEvents([TOPICS.deals]);
});
after(async () => {
  await events.stop();
  await sales.stop();
});

async function stagesOf(token: string) {
  const [pipeline] = (await sales.ok(token, PIPELINES))['pipelines'];
  return pipeline.stages as { id: string; name: string }[];
}

describe('sales-pipeline: deals', () => {
  it('starts a deal in the first stage of the default pipeline, owned by its creator, and publishes DealStageChanged', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const customerId = randomUUID();
    const deal = await createDeal(sales, token, { customerId, title: 'Acme rollout', amount: 12000.5, currency: 'eur', expectedCloseAt: '2026-06-30T00:00:00.000Z' });
    assert.equal(deal.stage.name, 'Lead');
    assert.equal(deal.status, 'OPEN');
    assert.equal(deal.ownerId, tenant.memberId);
    assert.deepEqual(deal.amount, { amount: 12000.5, currency: 'EUR' });
    assert.deepEqual(deal.customer, { id: customerId });
    assert.equal(deal.history.length, 1);
    assert.equal(deal.history[0].fromStage, null);
    assert.equal(deal.history[0].toStage.name, 'Lead');

    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'DealStageChanged', 'DealStageChanged');
    assert.equal(event.topic, TOPICS.deals);
    assert.equal(event.key, customerId);
    assert.equal(event.payload['dealId'], deal.id);
    assert.equal(event.payload['fromStageId'], null);
    assert.equal(event.payload['toStageId'], deal.stage.id);
    assert.equal(event.payload['toStageName'], 'Lead');
    assert.equal(event.payload['probability'], 0.1);
    assert.equal(event.payload['amount'], '12000.50');
    assert.equal(event.payload['currency'], 'EUR');
  });

  it('records every move in the history with its time, and publishes each one', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const stages = await stagesOf(token);
    const deal = await createDeal(sales, token, { customerId: randomUUID() });
    await sales.ok(token, MOVE, { input: { dealId: deal.id, stageId: stages[2]!.id } });
    const moved = (await sales.ok(token, MOVE, { input: { dealId: deal.id, stageId: stages[1]!.id } }))['moveDeal'].deal;
    assert.equal(moved.stage.name, 'Qualified');
    assert.deepEqual(
      moved.history.map((change: any) => [change.fromStage?.name ?? null, change.toStage.name]),
      [[null, 'Lead'], ['Lead', 'Proposal'], ['Proposal', 'Qualified']],
    );
    const times = moved.history.map((change: any) => Date.parse(change.changedAt));
    assert.deepEqual([...times].sort((a, b) => a - b), times);
    // Moving to the stage it is in changes nothing.
    const same = (await sales.ok(token, MOVE, { input: { dealId: deal.id, stageId: stages[1]!.id } }))['moveDeal'].deal;
    assert.equal(same.history.length, 3);
    await events.waitFor(tenant.tenantId, (e) => e.type === 'DealStageChanged' && e.payload['toStageName'] === 'Qualified', 'the second move');
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'DealStageChanged').length, 3);
  });

  it("refuses a stage of another pipeline or tenant, and a deal of another tenant is NOT_FOUND", async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const deal = await createDeal(sales, token, { customerId: randomUUID() });
    const other = (await sales.ok(token, CREATE_PIPELINE, { input: { name: 'Other', stages: [{ name: 'X', probability: 0.5 }] } }))['createPipeline'].pipeline;
    assert.deepEqual(errorOf(await sales.request(token, MOVE, { input: { dealId: deal.id, stageId: other.stages[0].id } })), { code: 'BAD_USER_INPUT', field: 'stageId' });
    const stranger = createTestTenant();
    const strangerToken = await stranger.token();
    const strangerStages = await stagesOf(strangerToken);
    assert.deepEqual(errorOf(await sales.request(token, MOVE, { input: { dealId: deal.id, stageId: strangerStages[1]!.id } })), { code: 'BAD_USER_INPUT', field: 'stageId' });
    assert.equal(errorOf(await sales.request(strangerToken, MOVE, { input: { dealId: deal.id, stageId: strangerStages[1]!.id } })).code, 'NOT_FOUND');
    assert.equal(errorOf(await sales.request(strangerToken, WIN, { input: { dealId: deal.id } })).code, 'NOT_FOUND');
    assert.equal(errorOf(await sales.request(strangerToken, LOSE, { input: { dealId: deal.id, reason: 'x' } })).code, 'NOT_FOUND');
    assert.equal((await sales.ok(strangerToken, DEAL, { id: deal.id }))['deal'], null);
    const [resolved] = await resolveEntities(sales.service.subgraph, strangerToken, 'Deal', [deal.id], 'id');
    assert.equal(resolved, null);
    const still = (await sales.ok(token, DEAL, { id: deal.id }))['deal'];
    assert.equal(still.history.length, 1);
    assert.equal(still.status, 'OPEN');
  });

  it('wins a deal once: a won deal cannot move, win or be lost, and DealWon is published', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const stages = await stagesOf(token);
    const customerId = randomUUID();
    const deal = await createDeal(sales, token, { customerId, stageId: stages[3]!.id });
    const won = (await sales.ok(token, WIN, { input: { dealId: deal.id } }))['winDeal'].deal;
    assert.equal(won.status, 'WON');
    assert.ok(won.closedAt);
    assert.deepEqual(errorOf(await sales.request(token, MOVE, { input: { dealId: deal.id, stageId: stages[0]!.id } })), { code: 'BAD_USER_INPUT', field: 'dealId' });
    assert.deepEqual(errorOf(await sales.request(token, WIN, { input: { dealId: deal.id } })), { code: 'BAD_USER_INPUT', field: 'dealId' });
    assert.deepEqual(errorOf(await sales.request(token, LOSE, { input: { dealId: deal.id, reason: 'late' } })), { code: 'BAD_USER_INPUT', field: 'dealId' });
    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'DealWon', 'DealWon');
    assert.equal(event.key, customerId);
    assert.equal(event.payload['dealId'], deal.id);
    assert.equal(event.payload['stageId'], stages[3]!.id);
    assert.equal(event.payload['closedAt'], won.closedAt);
    const after = (await sales.ok(token, DEAL, { id: deal.id }))['deal'];
    assert.equal(after.history.length, 1);
    assert.equal(after.stage.id, stages[3]!.id);
  });

  it('needs a reason to lose a deal, stores it, and publishes DealLost', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const deal = await createDeal(sales, token, { customerId: randomUUID() });
    for (const reason of ['', '   ']) {
      assert.deepEqual(errorOf(await sales.request(token, LOSE, { input: { dealId: deal.id, reason } })), { code: 'BAD_USER_INPUT', field: 'reason' });
    }
    assert.equal((await sales.ok(token, DEAL, { id: deal.id }))['deal'].status, 'OPEN');
    const lost = (await sales.ok(token, LOSE, { input: { dealId: deal.id, reason: ' chose a competitor ' } }))['loseDeal'].deal;
    assert.equal(lost.status, 'LOST');
    assert.equal(lost.lostReason, 'chose a competitor');
    const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'DealLost', 'DealLost');
    assert.equal(event.payload['reason'], 'chose a competitor');
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'DealWon').length, 0);
  });

  it('rejects bad deal input and unknown stages or pipelines, writing nothing and publishing nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const customerId = randomUUID();
    for (const [input, field] of [
      [{ amount: -1 }, 'amount'],
      [{ title: ' ' }, 'title'],
      [{ currency: 'euro' }, 'currency'],
      [{ customerId: 'nope' }, 'customerId'],
      [{ stageId: randomUUID() }, 'stageId'],
      [{ pipelineId: randomUUID() }, 'pipelineId'],
    ] as const) {
      const result = await sales.request(token, CREATE_DEAL, { input: { customerId, title: 'T', amount: 1, currency: 'USD', ...(input as Record<string, unknown>) } });
      assert.deepEqual(errorOf(result), { code: 'BAD_USER_INPUT', field }, JSON.stringify(input));
    }
    assert.equal(await sales.count('deals', tenant.tenantId), 0);
    assert.equal(await sales.count('deal_stage_changes', tenant.tenantId), 0);
    assert.equal(events.received(tenant.tenantId).length, 0);
  });

  it('lets only sales and admin write deals; support and analyst read them', async () => {
    const tenant = createTestTenant();
    const deal = await createDeal(sales, await tenant.token(['admin']), { customerId: randomUUID() });
    for (const role of ['marketing', 'support', 'analyst'] as const) {
      const roleToken = await tenant.token([role]);
      const result = await sales.request(roleToken, CREATE_DEAL, { input: { customerId: randomUUID(), title: 'T', amount: 1, currency: 'USD' } });
      assert.equal(errorOf(result).code, 'FORBIDDEN', role);
      assert.equal(errorOf(await sales.request(roleToken, WIN, { input: { dealId: deal.id } })).code, 'FORBIDDEN', role);
    }
    for (const role of ['support', 'analyst'] as const) {
      assert.equal((await sales.ok(await tenant.token([role]), DEAL, { id: deal.id }))['deal'].id, deal.id);
    }
    assert.equal(await sales.count('deals', tenant.tenantId), 1);
  });

  it('lists deals newest first, filtered, in pages', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const stages = await stagesOf(token);
    const customer = randomUUID();
    const ownerId = randomUUID();
    const created: Record<string, any>[] = [];
    for (let index = 0; index < 5; index += 1) {
      created.push(await createDeal(sales, token, { customerId: index < 3 ? customer : randomUUID(), title: `D${index}`, ...(index === 4 ? { ownerId, stageId: stages[2]!.id } : {}) }));
    }
    await sales.ok(token, WIN, { input: { dealId: created[0]!.id } });
    const all = (await sales.ok(token, DEALS, { first: 2 }))['deals'];
    assert.equal(all.totalCount, 5);
    assert.deepEqual(all.edges.map((edge: any) => edge.node.title), ['D4', 'D3']);
    const next = (await sales.ok(token, DEALS, { first: 2, after: all.pageInfo.endCursor }))['deals'];
    assert.deepEqual(next.edges.map((edge: any) => edge.node.title), ['D2', 'D1']);
    const titles = async (filter: Record<string, unknown>) =>
      (await sales.ok(token, DEALS, { filter }))['deals'].edges.map((edge: any) => edge.node.title);
    assert.deepEqual(await titles({ customerId: customer }), ['D2', 'D1', 'D0']);
    assert.deepEqual(await titles({ customerId: customer, status: 'OPEN' }), ['D2', 'D1']);
    assert.deepEqual(await titles({ status: 'WON' }), ['D0']);
    assert.deepEqual(await titles({ ownerId }), ['D4']);
    assert.deepEqual(await titles({ stageId: stages[2]!.id }), ['D4']);
    assert.deepEqual(errorOf(await sales.request(token, DEALS, { filter: { ownerId: 'x' } })), { code: 'BAD_USER_INPUT', field: 'filter.ownerId' });
    const stranger = await createTestTenant().token();
    assert.equal((await sales.ok(stranger, DEALS, {}))['deals'].totalCount, 0);
  });

  it('answers Customer.deals filtered by status', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const customerId = randomUUID();
    const open = await createDeal(sales, token, { customerId, title: 'open' });
    const won = await createDeal(sales, token, { customerId, title: 'won' });
    await sales.ok(token, WIN, { input: { dealId: won.id } });
    const [customer] = await resolveEntities(sales.service.subgraph, token, 'Customer', [customerId], 'all: deals { id } won: deals(status: WON) { id status }');
    assert.deepEqual(new Set(customer?.['all'].map((deal: any) => deal.id)), new Set([open.id, won.id]));
    assert.deepEqual(customer?.['won'], [{ id: won.id, status: 'WON' }]);
  });
});
