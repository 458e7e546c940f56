import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveEntities, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createTestTenant, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import type { SupportContext } from '../src/context.js';
import { supportService } from '../src/service.js';

const SATISFACTION = 'id satisfaction { csat nps lastNpsScore ces responses }';
let service: RunningService<SupportContext>;

before(async () => {
  service = await startServiceForTest(supportService, { databaseUrl: testDatabaseUrl('support'), jwtSecret: TEST_JWT_SECRET });
});
after(async () => {
  await service.stop();
});

async function answer(tenantId: string, customerId: string, kind: string, score: number, answeredAt: string) {
  await service.dataSource.query(
    `INSERT INTO survey_responses (id, tenant_id, customer_id, kind, score, answered_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), tenantId, customerId, kind, score, answeredAt],
  );
}

describe('support: Customer.satisfaction', () => {
  it('answers no responses and null scores for a customer never surveyed', async () => {
    const tenant = createTestTenant();
    const [customer] = await resolveEntities(service.subgraph, await tenant.token(), 'Customer', [randomUUID()], SATISFACTION);
    assert.deepEqual(customer?.['satisfaction'], { csat: null, nps: null, lastNpsScore: null, ces: null, responses: 0 });
  });

  it('refuses a caller without a role: reading is denied by default', async () => {
    const tenant = createTestTenant();
    await assert.rejects(resolveEntities(service.subgraph, await tenant.token([]), 'Customer', [randomUUID()], SATISFACTION), /FORBIDDEN/);
  });

  it('computes CSAT, NPS and CES by their definitions from the tenant answers only', async () => {
    const tenant = createTestTenant();
    const customerId = randomUUID();
    // CSAT 5, 4, 2 -> two of three are 4-5: 66.67%.
    await answer(tenant.tenantId, customerId, 'CSAT', 5, '2025-01-01T00:00:00Z');
    await answer(tenant.tenantId, customerId, 'CSAT', 4, '2025-01-02T00:00:00Z');
    await answer(tenant.tenantId, customerId, 'CSAT', 2, '2025-01-03T00:00:00Z');
    // NPS 10, 9, 3, 7 -> promoters 2/4 = 50%, detractors 1/4 = 25%: NPS 25; the latest is 7.
    await answer(tenant.tenantId, customerId, 'NPS', 10, '2025-02-01T00:00:00Z');
    await answer(tenant.tenantId, customerId, 'NPS', 9, '2025-02-02T00:00:00Z');
    await answer(tenant.tenantId, customerId, 'NPS', 3, '2025-02-03T00:00:00Z');
    await answer(tenant.tenantId, customerId, 'NPS', 7, '2025-02-04T00:00:00Z');
    // CES 2, 3 -> mean 2.5.
    await answer(tenant.tenantId, customerId, 'CES', 2, '2025-03-01T00:00:00Z');
    await answer(tenant.tenantId, customerId, 'CES', 3, '2025-03-02T00:00:00Z');
    // Another tenant's answer for the same id must not count.
    await answer(randomUUID(), customerId, 'NPS', 0, '2025-04-01T00:00:00Z');

    const [customer] = await resolveEntities(service.subgraph, await tenant.token(), 'Customer', [customerId], SATISFACTION);
    const satisfaction = customer?.['satisfaction'];
    assert.equal(Number(satisfaction.csat.toFixed(2)), 66.67);
    assert.equal(satisfaction.nps, 25);
    assert.equal(satisfaction.lastNpsScore, 7);
    assert.equal(satisfaction.ces, 2.5);
    assert.equal(satisfaction.responses, 9);
  });
});
