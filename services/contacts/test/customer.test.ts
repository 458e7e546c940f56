import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { executeAs, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import type { ContactsContext } from '../src/context.js';
import { contactsService } from '../src/service.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCustomerInput!) {
    createCustomer(input: $input) { customer { id name kind email domain country lifecycleStage tags createdAt } }
  }
`;

let service: RunningService<ContactsContext>;
let url: string;
const statements: string[] = [];

before(async () => {
  service = await startServiceForTest(contactsService, {
    databaseUrl: testDatabaseUrl('contacts'),
    jwtSecret: TEST_JWT_SECRET,
    onQuery: (sql) => statements.push(sql),
  });
  url = `http://127.0.0.1:${service.port}/graphql`;
});

after(async () => {
  await service.stop();
});

async function createCustomer(token: string, input: Record<string, unknown>) {
  const result = await graphqlRequest(url, CREATE, { token, variables: { input } });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!['createCustomer'].customer as Record<string, any>;
}

describe('contacts: customers', () => {
  it('creates a customer with normalised email, domain and country and reads it back', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const created = await createCustomer(token, {
      name: '  Acme Ltd ',
      kind: 'BUSINESS',
      email: 'Billing@ACME.example',
      domain: 'https://www.Acme.example/about',
      country: 'gb',
      tags: ['vip', 'vip', ' b2b '],
    });
    assert.equal(created.name, 'Acme Ltd');
    assert.equal(created.email, 'billing@acme.example');
    assert.equal(created.domain, 'acme.example');
    assert.equal(created.country, 'GB');
    assert.equal(created.lifecycleStage, 'ACQUISITION');
    assert.deepEqual(created.tags, ['vip', 'b2b']);

    const read = await graphqlRequest(url, `query($id: ID!) { customer(id: $id) { id name } }`, {
      token,
      variables: { id: created.id },
    });
    assert.deepEqual(read.data, { customer: { id: created.id, name: 'Acme Ltd' } });
  });

  it('rejects an invalid country with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const result = await graphqlRequest(url, CREATE, {
      token,
      variables: { input: { name: 'Nowhere Inc', kind: 'BUSINESS', country: 'XX' } },
    });
    assert.equal(result.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.['field'], 'country');
    assert.equal(result.errors?.[0]?.extensions?.['stacktrace'], undefined);
    const list = await graphqlRequest(url, `{ customers { totalCount } }`, { token });
    assert.equal(list.data?.['customers'].totalCount, 0);
  });

  it('answers UNAUTHENTICATED without a token and with a forged one', async () => {
    const anonymous = await graphqlRequest(url, `{ customers { totalCount } }`);
    assert.equal(anonymous.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    const forged = await graphqlRequest(url, `{ customers { totalCount } }`, { token: 'e30.e30.bm90LXNpZ25lZA' });
    assert.equal(forged.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    assert.equal(forged.data ?? null, null);
  });

  it('serves the SDL to the gateway without a token, and nothing else', async () => {
    const sdl = await graphqlRequest(url, `{ _service { sdl } }`);
    assert.match(String(sdl.data?.['_service'].sdl), /type Customer/);
  });

  it('hides a customer of tenant A from tenant B (null by id, absent from lists)', async () => {
    const tenantA = createTestTenant();
    const tenantB = createTestTenant();
    const created = await createCustomer(await tenantA.token(), { name: 'Private Co', kind: 'BUSINESS' });
    const tokenB = await tenantB.token();
    const byId = await graphqlRequest(url, `query($id: ID!) { customer(id: $id) { id } }`, {
      token: tokenB,
      variables: { id: created.id },
    });
    assert.deepEqual(byId.data, { customer: null });
    const list = await graphqlRequest(url, `{ customers { totalCount edges { node { id } } } }`, { token: tokenB });
    assert.deepEqual(list.data?.['customers'], { totalCount: 0, edges: [] });
  });

  it('pages through customers with cursors, capping first at 100', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const names: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      names.push((await createCustomer(token, { name: `Customer ${index}`, kind: 'INDIVIDUAL' })).name);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await graphqlRequest(
        url,
        `query($after: String) { customers(first: 2, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
        { token, variables: { after } },
      );
      const connection = page.data.customers;
      assert.equal(connection.totalCount, 5);
      seen.push(...connection.edges.map((edge: any) => edge.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    assert.deepEqual(seen, names);
    const capped = await graphqlRequest(url, `{ customers(first: 100000) { edges { cursor } } }`, { token });
    assert.equal(capped.errors, undefined);
    const badCursor = await graphqlRequest(url, `{ customers(after: "not-a-cursor") { totalCount } }`, { token });
    assert.equal(badCursor.errors?.[0]?.extensions?.['field'], 'after');
  });

  it('resolves 100 _entities representations with one SQL query, nulls for other tenants', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    const ids: string[] = [];
    for (let index = 0; index < 100; index += 1) {
      ids.push((await createCustomer(token, { name: `Entity ${index}`, kind: 'BUSINESS' })).id);
    }
    const foreign = await createCustomer(await createTestTenant().token(), { name: 'Foreign', kind: 'BUSINESS' });
    const representations = [...ids, foreign.id].map((id) => ({ __typename: 'Customer', id }));
    statements.length = 0;
    const result = await executeAs(
      service.subgraph,
      {
        query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id name } } }`,
        variables: { representations },
      },
      token,
    );
    assert.equal(result.body.kind, 'single');
    const entities = (result.body as any).singleResult.data._entities as ({ id: string } | null)[];
    assert.deepEqual(
      entities.slice(0, 100).map((entity) => entity?.id),
      ids,
    );
    assert.equal(entities[100], null);
    const selects = statements.filter((sql) => /^\s*SELECT\b/i.test(sql) && /"customers"/.test(sql));
    assert.equal(selects.length, 1, selects.join('\n'));
  });
});
