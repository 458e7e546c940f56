import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveEntities } from '@rapport/service-kit';
import { createTestTenant } from '@rapport/test-kit';
import { errorOf, startSales, type SalesUnderTest } from './support/service.js';

const PIPELINES = /* GraphQL */ `{ pipelines { id name isDefault stages { id name position probability } } }`;
const CREATE_PIPELINE = /* GraphQL */ `
  mutation Create($input: CreatePipelineInput!) { createPipeline(input: $input) { pipeline { id name isDefault stages { id name position probability } } } }
`;

let sales: SalesUnderTest;

before(async () => {
  sales = await startSales();
});
after(async () => {
  await sales.stop();
});

describe('sales-pipeline: pipelines and stages', () => {
  it('gives a new tenant one default pipeline with ordered stages, created once', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['analyst']);
    const [first, second] = await Promise.all([sales.ok(token, PIPELINES), sales.ok(token, PIPELINES)]);
    assert.equal(first['pipelines'].length, 1);
    assert.deepEqual(first, second);
    const [pipeline] = first['pipelines'];
    assert.equal(pipeline.isDefault, true);
    assert.deepEqual(
      pipeline.stages.map((stage: any) => [stage.name, stage.position, stage.probability]),
      [['Lead', 1, 0.1], ['Qualified', 2, 0.25], ['Proposal', 3, 0.5], ['Negotiation', 4, 0.75]],
    );
    assert.equal(await sales.count('pipelines', tenant.tenantId), 1);
  });

  it('creates a pipeline with stages in the order given, beside the default one', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const data = await sales.ok(token, CREATE_PIPELINE, {
      input: { name: 'Renewals', stages: [{ name: 'Due', probability: 0.6 }, { name: 'Quoted', probability: 0.8 }, { name: 'Signed', probability: 1 }] },
    });
    const created = data['createPipeline'].pipeline;
    assert.equal(created.isDefault, false);
    assert.deepEqual(created.stages.map((stage: any) => [stage.name, stage.position]), [['Due', 1], ['Quoted', 2], ['Signed', 3]]);
    const listed = (await sales.ok(token, PIPELINES))['pipelines'];
    assert.deepEqual(listed.map((pipeline: any) => pipeline.name), ['Sales', 'Renewals']);
    const [stage] = await resolveEntities(sales.service.subgraph, token, 'Stage', [created.stages[1].id], 'id name probability');
    assert.deepEqual(stage, { id: created.stages[1].id, name: 'Quoted', probability: 0.8 });
  });

  it('rejects a probability outside [0, 1], an empty stage name and no stages, writing nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    for (const [stages, field] of [
      [[{ name: 'A', probability: 0.5 }, { name: 'B', probability: 1.5 }], 'stages[1].probability'],
      [[{ name: 'A', probability: -0.1 }], 'stages[0].probability'],
      [[{ name: ' ', probability: 0.5 }], 'stages[0].name'],
      [[], 'stages'],
    ] as const) {
      const result = await sales.request(token, CREATE_PIPELINE, { input: { name: 'P', stages } });
      assert.deepEqual(errorOf(result), { code: 'BAD_USER_INPUT', field });
    }
    assert.equal(await sales.count('pipelines', tenant.tenantId), 0);
    assert.equal(await sales.count('stages', tenant.tenantId), 0);
  });

  it('refuses pipeline creation to marketing, support and analyst', async () => {
    const tenant = createTestTenant();
    for (const role of ['marketing', 'support', 'analyst'] as const) {
      const result = await sales.request(await tenant.token([role]), CREATE_PIPELINE, { input: { name: 'P', stages: [{ name: 'A', probability: 0.5 }] } });
      assert.equal(errorOf(result).code, 'FORBIDDEN');
    }
    assert.equal(await sales.count('pipelines', tenant.tenantId), 0);
  });

  it("resolves another tenant's stage, or an unknown one, to null", async () => {
    const owner = createTestTenant();
    const [pipeline] = (await sales.ok(await owner.token(), PIPELINES))['pipelines'];
    const other = createTestTenant();
    const stages = await resolveEntities(sales.service.subgraph, await other.token(), 'Stage', [pipeline.stages[0].id, randomUUID()], 'id');
    assert.deepEqual(stages, [null, null]);
  });
});
