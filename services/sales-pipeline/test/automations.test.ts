import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CustomerErasedV1, CustomersMergedV1, MemberUpsertedV1, TOPICS } from '@rapport/events';
import { resolveEntities } from '@rapport/service-kit';
import { createEventPublisher, createTestTenant, tapEvents, type EventPublisher, type TestTenant } from '@rapport/test-kit';
import { createDeal, createProduct, placeOrder, RECORD_PAYMENT, startSales, type SalesUnderTest } from './support/service.js';

let sales: SalesUnderTest;
let publisher: EventPublisher;

before(async () => {
  [sales, publisher] = await Promise.all([startSales(), createEventPublisher()]);
});
after(async () => {
  await publisher.stop();
  await sales.stop();
});

const CREATE_LEAD = /* GraphQL */ `mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id status assigneeId } } }`;
const CONVERT_LEAD = /* GraphQL */ `mutation($input: ConvertLeadInput!) { convertLead(input: $input) { lead { id status } } }`;
const LOSE = /* GraphQL */ `mutation($input: LoseDealInput!) { loseDeal(input: $input) { deal { id } } }`;
const START = /* GraphQL */ `mutation($input: StartSubscriptionInput!) { startSubscription(input: $input) { subscription { id } } }`;
const RULE = /* GraphQL */ `mutation($input: UpsertRoutingRuleInput!) { upsertRoutingRule(input: $input) { routingRule { id } } }`;
const LEADS = /* GraphQL */ `{ leads(first: 50) { edges { node { id name email company status customer { id } } } } }`;

/** Polls until `check` returns a value: consumers apply events asynchronously. The bound only turns a hang into a failure. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const CUSTOMER_ROWS = 'id deals { id title } orders(first: 10) { totalCount edges { node { id } } } subscriptions { id }';

async function customerRows(tenant: TestTenant, id: string) {
  const [customer] = await resolveEntities(sales.service.subgraph, await tenant.token(['sales']), 'Customer', [id], CUSTOMER_ROWS);
  return customer!;
}

describe('sales-pipeline: reactions to contacts\' events', () => {
  it('re-points deals, orders, subscriptions, MRR ledger and converted leads of merged customers to the survivor', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const [survivorId, mergedId, otherId] = [randomUUID(), randomUUID(), randomUUID()];
    const product = await createProduct(sales, token, { sku: `SKU-${randomUUID()}`, name: 'Seat', price: 50, recurring: true });
    const survivorDeal = await createDeal(sales, token, { customerId: survivorId, title: 'Renewal' });
    const mergedDeal = await createDeal(sales, token, { customerId: mergedId, title: 'Upgrade' });
    const order = await placeOrder(sales, token, { customerId: mergedId, lines: [{ productId: product['id'], quantity: 2 }] });
    const subscription = (await sales.ok(token, START, { input: { customerId: mergedId, productId: product['id'] } }))['startSubscription'].subscription;
    const lead = (await sales.ok(token, CREATE_LEAD, { input: { name: 'Lead Person' } }))['createLead'].lead;
    await sales.ok(token, CONVERT_LEAD, { input: { leadId: lead.id, customerId: mergedId } });
    const untouched = await createDeal(sales, token, { customerId: otherId, title: 'Someone else' });

    await publisher.publish(CustomersMergedV1, [
      { tenantId: tenant.tenantId, customerId: survivorId, payload: { survivorId, mergedIds: [mergedId], mergedAt: new Date().toISOString() } },
    ]);

    // The entity's fields are read side by side, each statement at its own moment: a read that
    // began just before the merge committed can see the deals moved and the orders not yet.
    const survivor = await eventually('the merged rows on the survivor', async () => {
      const rows = await customerRows(tenant, survivorId);
      return rows['deals'].length === 2 && rows['orders'].edges.length === 1 && rows['subscriptions'].length === 1 ? rows : undefined;
    });
    assert.deepEqual(survivor['deals'].map((deal: any) => deal.id).sort(), [survivorDeal['id'], mergedDeal['id']].sort());
    assert.deepEqual(survivor['orders'].edges.map((edge: any) => edge.node.id), [order['id']]);
    assert.deepEqual(survivor['subscriptions'].map((each: any) => each.id), [subscription.id]);
    const gone = await customerRows(tenant, mergedId);
    assert.deepEqual({ deals: gone['deals'], orders: gone['orders'].totalCount, subscriptions: gone['subscriptions'] }, { deals: [], orders: 0, subscriptions: [] });
    const [ledger] = await sales.service.dataSource.query(`SELECT count(*) FILTER (WHERE customer_id = $2)::int AS survivor, count(*) FILTER (WHERE customer_id = $3)::int AS merged FROM mrr_movements WHERE tenant_id = $1`, [tenant.tenantId, survivorId, mergedId]);
    assert.deepEqual(ledger, { survivor: 1, merged: 0 });
    const leads = (await sales.ok(token, LEADS))['leads'].edges.map((edge: any) => edge.node);
    assert.deepEqual(leads.find((each: any) => each.id === lead.id).customer, { id: survivorId });
    assert.deepEqual((await customerRows(tenant, otherId))['deals'], [{ id: untouched['id'], title: 'Someone else' }]);
  });

  it('erases the names, emails and companies of the leads of an erased customer and the free text of its deals, keeping the facts', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const lead = (await sales.ok(token, CREATE_LEAD, { input: { name: 'Jane Roe', email: 'jane.roe@example.com', company: 'Roe Ltd', country: 'FR' } }))['createLead'].lead;
    await sales.ok(token, CONVERT_LEAD, { input: { leadId: lead.id } });
    const customerId = lead.id;
    // A second lead of the same person, linked to the customer it already became.
    const linked = (await sales.ok(token, CREATE_LEAD, { input: { name: 'Jane Roe', email: 'jane@roe.example' } }))['createLead'].lead;
    await sales.ok(token, CONVERT_LEAD, { input: { leadId: linked.id, customerId } });
    const kept = (await sales.ok(token, CREATE_LEAD, { input: { name: 'John Keep', email: 'john.keep@example.com' } }))['createLead'].lead;
    const deal = await createDeal(sales, token, { customerId, title: 'Deal for Jane Roe' });
    await sales.ok(token, LOSE, { input: { dealId: deal['id'], reason: 'Jane Roe moved to a competitor' } });

    await publisher.publish(CustomerErasedV1, [{ tenantId: tenant.tenantId, customerId, payload: { erasedAt: new Date().toISOString() } }]);
    const leads = await eventually('the erased lead', async () => {
      const all = (await sales.ok(token, LEADS))['leads'].edges.map((edge: any) => edge.node);
      return all.find((each: any) => each.id === lead.id)?.email === null ? all : undefined;
    });
    assert.deepEqual(leads.find((each: any) => each.id === lead.id), { id: lead.id, name: 'Erased lead', email: null, company: null, status: 'CONVERTED', customer: { id: customerId } });
    assert.equal(leads.find((each: any) => each.id === kept.id).email, 'john.keep@example.com', 'another customer\'s lead is kept');
    const [row] = await sales.service.dataSource.query(`SELECT title, lost_reason, status, amount FROM deals WHERE id = $1`, [deal['id']]);
    assert.deepEqual({ title: row.title, lostReason: row.lost_reason, status: row.status }, { title: 'Erased deal', lostReason: 'Erased', status: 'LOST' });
    const [outbox] = await sales.service.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1 AND (envelope::text ILIKE '%jane%' OR envelope::text ILIKE '%roe ltd%')`,
      [tenant.tenantId],
    );
    assert.equal(outbox.n, 0, 'the events still in the outbox are redacted too');
  });

  it('routes leads with the member directory learnt from MemberUpserted, latest state winning', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const memberId = randomUUID();
    await sales.ok(token, RULE, { input: { name: 'Germany', country: 'DE' } });
    const member = (available: boolean, updatedAt: string) => ({
      tenantId: tenant.tenantId,
      customerId: memberId,
      payload: { memberId, name: 'Grace', team: 'sales', territories: ['DE'], skills: [], available, updatedAt },
    });
    // The newer state first, then an older one replayed late: the member stays available.
    await publisher.publish(MemberUpsertedV1, [member(true, '2026-05-02T00:00:00.000Z'), member(false, '2026-05-01T00:00:00.000Z')]);
    await eventually('the member in the directory', async () => {
      const rows = await sales.service.dataSource.query(`SELECT available FROM members WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, memberId]);
      return rows.length > 0 ? rows : undefined;
    });
    const lead = (await sales.ok(token, CREATE_LEAD, { input: { name: 'Routed', country: 'DE' } }))['createLead'].lead;
    assert.deepEqual({ status: lead.status, assigneeId: lead.assigneeId }, { status: 'ASSIGNED', assigneeId: memberId });
    // The rule itself is published, for contacts to route new customers by it.
    const events = await tapEvents([TOPICS.leads]);
    try {
      const published = await events.waitFor(tenant.tenantId, (e) => e.type === 'RoutingRuleUpserted', 'RoutingRuleUpserted');
      assert.deepEqual(
        { country: published.payload['country'], skill: published.payload['skill'], priority: published.payload['priority'], key: published.key },
        { country: 'DE', skill: null, priority: 100, key: published.payload['ruleId'] },
      );
    } finally {
      await events.stop();
    }
  });
});

describe('sales-pipeline: disqualifyLead', () => {
  const DISQUALIFY = /* GraphQL */ `mutation($input: DisqualifyLeadInput!) { disqualifyLead(input: $input) { lead { id status assigneeId } } }`;

  it('disqualifies a lead once, publishes LeadDisqualified, and refuses converted leads, other tenants and readers', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const events = await tapEvents([TOPICS.leads]);
    try {
      const lead = (await sales.ok(token, CREATE_LEAD, { input: { name: 'Not a fit', source: 'ads' } }))['createLead'].lead;
      const first = (await sales.ok(token, DISQUALIFY, { input: { leadId: lead.id } }))['disqualifyLead'].lead;
      assert.equal(first.status, 'DISQUALIFIED');
      const again = (await sales.ok(token, DISQUALIFY, { input: { leadId: lead.id } }))['disqualifyLead'].lead;
      assert.equal(again.status, 'DISQUALIFIED');
      const refused = await sales.request(token, CONVERT_LEAD, { input: { leadId: lead.id } });
      assert.equal(refused.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT', 'a disqualified lead does not convert');

      const converted = (await sales.ok(token, CREATE_LEAD, { input: { name: 'Fit' } }))['createLead'].lead;
      await sales.ok(token, CONVERT_LEAD, { input: { leadId: converted.id } });
      const late = await sales.request(token, DISQUALIFY, { input: { leadId: converted.id } });
      assert.deepEqual([late.errors?.[0]?.extensions?.['code'], late.errors?.[0]?.extensions?.['field']], ['BAD_USER_INPUT', 'leadId']);
      const foreign = await sales.request(await createTestTenant().token(['sales']), DISQUALIFY, { input: { leadId: lead.id } });
      assert.equal(foreign.errors?.[0]?.extensions?.['code'], 'NOT_FOUND');
      const reader = await sales.request(await tenant.token(['analyst']), DISQUALIFY, { input: { leadId: converted.id } });
      assert.equal(reader.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');

      const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'LeadDisqualified', 'LeadDisqualified');
      assert.equal(event.key, lead.id);
      assert.deepEqual({ leadId: event.payload['leadId'], source: event.payload['source'] }, { leadId: lead.id, source: 'ads' });
      const [written] = await sales.service.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1 AND type = 'LeadDisqualified'`, [tenant.tenantId]);
      assert.equal(written.n, 1, 'disqualifying twice publishes once');
    } finally {
      await events.stop();
    }
  });
});

describe('sales-pipeline: base currency and tenant rates', () => {
  const SETTINGS = /* GraphQL */ `{ currencySettings { baseCurrency rates { currency rateToBase } } }`;
  const SET_BASE = /* GraphQL */ `mutation($input: SetBaseCurrencyInput!) { setBaseCurrency(input: $input) { currencySettings { baseCurrency rates { currency } } } }`;
  const SET_RATE = /* GraphQL */ `mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { currencySettings { baseCurrency rates { currency rateToBase } } } }`;
  const DEAL = /* GraphQL */ `query($id: ID!) { deal(id: $id) { amount { amount currency } amountInBaseCurrency { amount currency } } }`;

  it('reports deal amounts in the tenant base currency with the rates it sets, and none without a rate', async () => {
    const tenant = createTestTenant();
    const admin = await tenant.token(['admin']);
    const sellerToken = await tenant.token(['sales']);
    assert.deepEqual((await sales.ok(sellerToken, SETTINGS))['currencySettings'], { baseCurrency: 'USD', rates: [] });
    const eur = await createDeal(sales, sellerToken, { customerId: randomUUID(), amount: 1000, currency: 'EUR' });
    const chf = await createDeal(sales, sellerToken, { customerId: randomUUID(), amount: 250.5, currency: 'CHF' });
    const usd = await createDeal(sales, sellerToken, { customerId: randomUUID(), amount: 99.99, currency: 'USD' });

    await sales.ok(admin, SET_RATE, { input: { currency: 'eur', rateToBase: 1.5 } });
    await sales.ok(admin, SET_BASE, { input: { currency: 'EUR' } });
    const settings = (await sales.ok(admin, SET_RATE, { input: { currency: 'USD', rateToBase: 0.9 } }))['setExchangeRate'].currencySettings;
    assert.deepEqual(settings, { baseCurrency: 'EUR', rates: [{ currency: 'USD', rateToBase: 0.9 }] }, 'a new base clears the rates relative to the old one');

    const read = async (id: string) => (await sales.ok(sellerToken, DEAL, { id }))['deal'];
    assert.deepEqual(await read(eur['id']), { amount: { amount: 1000, currency: 'EUR' }, amountInBaseCurrency: { amount: 1000, currency: 'EUR' } });
    assert.deepEqual(await read(usd['id']), { amount: { amount: 99.99, currency: 'USD' }, amountInBaseCurrency: { amount: 89.99, currency: 'EUR' } });
    assert.deepEqual(await read(chf['id']), { amount: { amount: 250.5, currency: 'CHF' }, amountInBaseCurrency: null }, 'no rate, no guess');

    const bad = await sales.request(admin, SET_RATE, { input: { currency: 'EUR', rateToBase: 2 } });
    assert.deepEqual([bad.errors?.[0]?.extensions?.['code'], bad.errors?.[0]?.extensions?.['field']], ['BAD_USER_INPUT', 'currency']);
    const negative = await sales.request(admin, SET_RATE, { input: { currency: 'CHF', rateToBase: -1 } });
    assert.deepEqual([negative.errors?.[0]?.extensions?.['code'], negative.errors?.[0]?.extensions?.['field']], ['BAD_USER_INPUT', 'rateToBase']);
    const code = await sales.request(admin, SET_BASE, { input: { currency: 'EURO' } });
    assert.deepEqual([code.errors?.[0]?.extensions?.['code'], code.errors?.[0]?.extensions?.['field']], ['BAD_USER_INPUT', 'currency']);
    const seller = await sales.request(sellerToken, SET_RATE, { input: { currency: 'CHF', rateToBase: 1.1 } });
    assert.equal(seller.errors?.[0]?.extensions?.['code'], 'FORBIDDEN', 'rates are admin data');
    assert.deepEqual((await sales.ok(await createTestTenant().token(['analyst']), SETTINGS))['currencySettings'], { baseCurrency: 'USD', rates: [] }, 'per tenant');

    // Revenue too: a paid USD order counts at the tenant's rate, a CHF one (no rate) is left out.
    const customerId = randomUUID();
    const dollars = await createProduct(sales, sellerToken, { sku: `USD-${randomUUID()}`, name: 'Dollars', price: 100, currency: 'USD', recurring: true });
    const francs = await createProduct(sales, sellerToken, { sku: `CHF-${randomUUID()}`, name: 'Francs', price: 40, currency: 'CHF' });
    for (const product of [dollars, francs]) {
      const order = await placeOrder(sales, sellerToken, { customerId, lines: [{ productId: product['id'], quantity: 1 }] });
      await sales.ok(sellerToken, RECORD_PAYMENT, { input: { orderId: order['id'], amount: order['total'].amount } });
    }
    await sales.ok(sellerToken, START, { input: { customerId, productId: dollars['id'] } });
    const [customer] = await resolveEntities(sales.service.subgraph, sellerToken, 'Customer', [customerId, randomUUID()], 'revenue { lifetime { amount currency } mrr { amount currency } orderCount }');
    assert.deepEqual(customer, { revenue: { lifetime: { amount: 90, currency: 'EUR' }, mrr: { amount: 90, currency: 'EUR' }, orderCount: 2 } });
  });
});
