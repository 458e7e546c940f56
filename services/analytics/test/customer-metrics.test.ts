import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveEntities, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createTestTenant, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import type { AnalyticsContext } from '../src/context.js';
import { analyticsService } from '../src/service.js';

let service: RunningService<AnalyticsContext>;

before(async () => {
  service = await startServiceForTest(analyticsService, { databaseUrl: testDatabaseUrl('analytics'), jwtSecret: TEST_JWT_SECRET });
});
after(async () => {
  await service.stop();
});

describe('analytics: Customer.metrics', () => {
  it('answers neutral health and no updatedAt for a customer analytics has not seen', async () => {
    const tenant = createTestTenant();
    const [customer] = await resolveEntities(service.subgraph, await tenant.token(['analyst']), 'Customer', [randomUUID()], 'id metrics { healthScore updatedAt }');
    assert.deepEqual(customer?.['metrics'], { healthScore: 50, updatedAt: null });
  });

  it('answers the stored read model of the caller tenant only', async () => {
    const tenant = createTestTenant();
    const customerId = randomUUID();
    await service.dataSource.query(
      `INSERT INTO customer_metrics (tenant_id, customer_id, health_score, updated_at) VALUES ($1, $2, 81.5, '2025-06-01T12:00:00Z'), ($3, $2, 3, now())`,
      [tenant.tenantId, customerId, randomUUID()],
    );
    const [customer] = await resolveEntities(service.subgraph, await tenant.token(), 'Customer', [customerId], 'metrics { healthScore updatedAt }');
    assert.deepEqual(customer?.['metrics'], { healthScore: 81.5, updatedAt: '2025-06-01T12:00:00.000Z' });
  });
});
