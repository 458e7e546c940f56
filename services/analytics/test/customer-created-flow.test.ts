import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { contactsService } from '@rapport/contacts';
import { startBroker, type RunningBroker } from '@rapport/kafka-broker';
import { startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { analyticsService } from '../src/service.js';

// This test stops and restarts the broker, so it runs one of its own.
let broker: RunningBroker;
let brokerPort: number;
let brokerDir: string;
let contacts: RunningService<any>;
let analytics: RunningService<any>;

before(async () => {
  brokerDir = mkdtempSync(join(tmpdir(), 'rapport-flow-kafka-'));
  broker = await startBroker({ port: 0, dataDir: brokerDir, fsync: false, logLevel: 'fatal' });
  brokerPort = broker.port;
  const env = { KAFKA_BROKERS: `127.0.0.1:${brokerPort}` };
  // Databases of their own: one relay publishes a database's whole outbox, so a contacts
  // service on this private broker must not share an outbox with services on the run's broker.
  contacts = await startServiceForTest(contactsService, { databaseUrl: testDatabaseUrl('contacts_flow'), jwtSecret: TEST_JWT_SECRET, env });
  analytics = await startServiceForTest(analyticsService, { databaseUrl: testDatabaseUrl('analytics_flow'), jwtSecret: TEST_JWT_SECRET, env });
});

after(async () => {
  await contacts?.stop();
  await analytics?.stop();
  await broker.stop().catch(() => undefined);
  rmSync(brokerDir, { recursive: true, force: true });
});

async function createCustomers(token: string, names: string[]): Promise<string[]> {
  const url = `http://127.0.0.1:${contacts.port}/graphql`;
  const ids: string[] = [];
  // A few at a time, as several clients would.
  for (let index = 0; index < names.length; index += 10) {
    const created = await Promise.all(
      names.slice(index, index + 10).map(async (name) => {
        const result = await graphqlRequest(url, `mutation($name: String!) { createCustomer(input: { name: $name, kind: INDIVIDUAL }) { customer { id } } }`, {
          token,
          variables: { name },
        });
        assert.equal(result.errors, undefined, JSON.stringify(result.errors));
        return result.data!['createCustomer'].customer.id as string;
      }),
    );
    ids.push(...created);
  }
  return ids;
}

async function readModel(tenantId: string) {
  return (await analytics.dataSource.query(`SELECT customer_id, events_applied FROM customers WHERE tenant_id = $1`, [tenantId])) as {
    customer_id: string;
    events_applied: number;
  }[];
}

describe('CustomerCreated flows from contacts to analytics', () => {
  it('delivers 1,000 customers created across a broker outage to the read model exactly once', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const names = Array.from({ length: 1000 }, (_value, index) => `Customer ${index}`);
    const ids = await createCustomers(token, names.slice(0, 300));
    await broker.stop();
    // The writes keep succeeding while Kafka is away: the outbox holds the events.
    ids.push(...(await createCustomers(token, names.slice(300, 700))));
    broker = await startBroker({ port: brokerPort, dataDir: brokerDir, fsync: false, logLevel: 'fatal' });
    ids.push(...(await createCustomers(token, names.slice(700))));

    const deadline = Date.now() + 120_000;
    let rows = await readModel(tenant.tenantId);
    while (rows.length < 1000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rows = await readModel(tenant.tenantId);
    }
    assert.equal(rows.length, 1000);
    assert.deepEqual(new Set(rows.map((row) => row.customer_id)), new Set(ids));
    assert.ok(
      rows.every((row) => row.events_applied === 1),
      'every customer applied exactly once',
    );
  });
});
