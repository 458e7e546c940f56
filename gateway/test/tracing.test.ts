import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { contactsService } from '@rapport/contacts';
import { parseEnv, startServiceForTest, type RunningService } from '@rapport/service-kit';
import { createTestTenant, graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl } from '@rapport/test-kit';
import { gatewayEnvironmentSchema } from '../src/environment.js';
import { startGateway, type RunningGateway } from '../src/start.js';

// What an OTLP exporter would receive, kept in memory: the provider a process gets when tracing is on.
const exporter = new InMemorySpanExporter();
let contacts: RunningService<any>;
let gateway: RunningGateway;
let url: string;

before(async () => {
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  contacts = await startServiceForTest(contactsService, { databaseUrl: testDatabaseUrl('contacts'), jwtSecret: TEST_JWT_SECRET });
  const contactsUrl = `http://127.0.0.1:${contacts.port}/graphql`;
  gateway = await startGateway(
    parseEnv(gatewayEnvironmentSchema, {
      PORT: '0',
      CONTACTS_URL: contactsUrl,
      // Not called by the operation below; the static supergraph only needs addresses.
      SALES_PIPELINE_URL: 'http://127.0.0.1:9/graphql',
      SUPPORT_URL: 'http://127.0.0.1:9/graphql',
      ANALYTICS_URL: 'http://127.0.0.1:9/graphql',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'fatal',
      SUBGRAPH_TIMEOUT_MS: '30000',
    }),
  );
  url = `http://127.0.0.1:${gateway.port}/graphql`;
});

after(async () => {
  await gateway?.stop();
  await contacts?.stop();
  trace.disable();
  propagation.disable();
});

describe('OpenTelemetry traces', () => {
  it('makes one trace of a gateway request and the subgraph call it makes', async () => {
    const token = await createTestTenant().token();
    const result = await graphqlRequest(url, `query CountCustomers { customers { totalCount } }`, { token });
    assert.deepEqual(result.data, { customers: { totalCount: 0 } });
    const spans = exporter.getFinishedSpans();
    const gatewaySpan = spans.find((span) => span.name === 'gateway CountCustomers');
    const contactsSpan = spans.find((span) => span.attributes['rapport.service'] === 'contacts' && span.spanContext().traceId === gatewaySpan?.spanContext().traceId);
    assert.ok(gatewaySpan && contactsSpan, `spans: ${spans.map((span) => span.name).join(', ')}`);
    assert.equal(contactsSpan.spanContext().traceId, gatewaySpan.spanContext().traceId);
    assert.equal(contactsSpan.parentSpanContext?.spanId, gatewaySpan.spanContext().spanId);
  });
});
