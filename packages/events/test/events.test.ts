import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { decodeEvent, EVENT_CATALOGUE, TOPICS } from '../src/index.js';
import { renderCatalogue } from '../src/render-catalogue.js';

const customerCreated = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'CustomerCreated',
  version: 1,
  tenantId: randomUUID(),
  customerId: randomUUID(),
  occurredAt: new Date().toISOString(),
  producer: 'contacts',
  payload: {
    name: 'Acme',
    kind: 'BUSINESS',
    externalId: null,
    email: null,
    domain: 'acme.example',
    industry: null,
    country: 'US',
    lifecycleStage: 'ACQUISITION',
    ownerId: null,
    tags: [],
    source: null,
    createdAt: new Date().toISOString(),
  },
  ...overrides,
});

describe('event contracts', () => {
  it('decodes a valid event of a known type and version', () => {
    const decoded = decodeEvent(JSON.stringify(customerCreated()));
    assert.equal(decoded.kind, 'event');
  });

  it('classifies a newer version of a known type as unknown-version, not an error', () => {
    assert.equal(decodeEvent(JSON.stringify(customerCreated({ version: 99 }))).kind, 'unknown-version');
  });

  it('classifies an unknown type as unknown-type', () => {
    assert.equal(decodeEvent(JSON.stringify(customerCreated({ type: 'SomethingNew' }))).kind, 'unknown-type');
  });

  it('reports a malformed envelope, payload or body with a reason', () => {
    const notJson = decodeEvent('{nope');
    assert.deepEqual(notJson, { kind: 'malformed', reason: 'not JSON' });
    const badEnvelope = decodeEvent(JSON.stringify(customerCreated({ tenantId: 'x' })));
    assert.equal(badEnvelope.kind, 'malformed');
    assert.match((badEnvelope as { reason: string }).reason, /tenantId/);
    const badPayload = decodeEvent(JSON.stringify(customerCreated({ payload: { name: 3 } })));
    assert.equal(badPayload.kind, 'malformed');
    assert.match((badPayload as { reason: string }).reason, /CustomerCreated v1 payload/);
    assert.equal(decodeEvent(null).kind, 'malformed');
  });

  it('gives every contract a topic from the topic constants and a unique type+version', () => {
    const topics = new Set<string>(Object.values(TOPICS));
    const keys = new Set<string>();
    for (const definition of EVENT_CATALOGUE) {
      assert.ok(topics.has(definition.topic), `${definition.type} uses unknown topic ${definition.topic}`);
      const key = `${definition.type}@${definition.version}`;
      assert.ok(!keys.has(key), `${key} is defined twice`);
      keys.add(key);
    }
  });

  it('keeps CATALOGUE.md in step with the contracts (run `npm run catalogue`)', () => {
    const onDisk = readFileSync(new URL('../CATALOGUE.md', import.meta.url), 'utf8');
    assert.equal(onDisk, renderCatalogue());
  });
});
