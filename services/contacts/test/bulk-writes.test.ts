import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { withTenant } from '@rapport/service-kit';
import { createTestTenant, type EventTap, tapEvents, type TestTenant } from '@rapport/test-kit';
import { createCustomer, errorOf, startContacts, type ContactsUnderTest } from './support/service.js';

const RECORD_ALL = /* GraphQL */ `
  mutation RecordAll($input: RecordInteractionsInput!) {
    recordInteractions(input: $input) { interactions { id kind occurredAt summary feature memberId } }
  }
`;
const ADD_ALL = /* GraphQL */ `
  mutation AddAll($input: AddContactsInput!) {
    addContacts(input: $input) { contacts { id firstName email consent { email phone updatedAt } customer { id } } }
  }
`;

let contacts: ContactsUnderTest;
let events: EventTap;
before(async () => {
  contacts = await startContacts();
  events = await tapEvents([TOPICS.customers, TOPICS.interactions]);
});
after(async () => {
  await events.stop();
  await contacts.stop();
});

/** What a tenant has in the tables a bulk write touches, outbox and audit included. */
async function writtenRows(tenant: TestTenant) {
  return withTenant(contacts.service.dataSource, tenant.tenantId, async (scope) => {
    const count = async (table: string) =>
      ((await scope.manager.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenant.tenantId])) as { n: number }[])[0]!.n;
    return {
      interactions: await count('interactions'),
      contacts: await count('contacts'),
      outbox: ((await scope.manager.query(`SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1 AND type IN ('InteractionRecorded', 'ContactAdded')`, [
        tenant.tenantId,
      ])) as { n: number }[])[0]!.n,
    };
  });
}

async function auditRows(tenant: TestTenant): Promise<{ action: string; target_ids: string[] }[]> {
  return withTenant(contacts.service.dataSource, tenant.tenantId, (scope) =>
    scope.manager.query(`SELECT action, target_ids FROM audit_log WHERE tenant_id = $1 AND action IN ('recordInteractions', 'addContacts') ORDER BY seq`, [
      tenant.tenantId,
    ]),
  );
}

describe('contacts: bulk writes', () => {
  it('records every interaction in input order with its InteractionRecorded, and one audit row for the call', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const acme = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const globex = await createCustomer(contacts, token, { name: 'Globex', kind: 'BUSINESS' });
    const input = [
      { customerId: acme.id, kind: 'CALL', occurredAt: '2026-01-01T10:00:00Z', summary: 'first' },
      { customerId: globex.id, kind: 'EMAIL', occurredAt: '2026-01-02T10:00:00Z', summary: 'second' },
      { customerId: acme.id, kind: 'PRODUCT_USAGE', occurredAt: '2026-01-03T10:00:00Z', feature: 'reports' },
    ];
    const data = await contacts.ok(token, RECORD_ALL, { input: { interactions: input } });
    const recorded: any[] = data['recordInteractions'].interactions;
    assert.deepEqual(
      recorded.map((interaction) => [interaction.kind, interaction.summary, interaction.feature, interaction.memberId, interaction.occurredAt]),
      [
        ['CALL', 'first', null, tenant.memberId, '2026-01-01T10:00:00.000Z'],
        ['EMAIL', 'second', null, tenant.memberId, '2026-01-02T10:00:00.000Z'],
        ['PRODUCT_USAGE', null, 'reports', tenant.memberId, '2026-01-03T10:00:00.000Z'],
      ],
    );

    const timeline = await contacts.ok(token, `query($id: ID!) { customer(id: $id) { interactions(first: 10) { edges { node { id } } } } }`, { id: acme.id });
    assert.deepEqual(
      timeline['customer'].interactions.edges.map((edge: any) => edge.node.id),
      [recorded[2].id, recorded[0].id],
    );
    for (const [index, interaction] of recorded.entries()) {
      const event = await events.waitFor(
        tenant.tenantId,
        (e) => e.type === 'InteractionRecorded' && (e.payload as any).interactionId === interaction.id,
        `InteractionRecorded ${index}`,
      );
      assert.equal(event.topic, TOPICS.interactions);
      assert.equal(event.key, input[index]!.customerId);
      assert.deepEqual(event.payload, {
        interactionId: interaction.id,
        kind: interaction.kind,
        feature: interaction.feature,
        memberId: tenant.memberId,
        occurredAt: interaction.occurredAt,
      });
    }
    const audit = await auditRows(tenant);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'recordInteractions');
    assert.deepEqual(new Set(audit[0]!.target_ids), new Set([acme.id, globex.id, ...recorded.map((interaction) => interaction.id)]));
  });

  it('adds every contact in input order with its ContactAdded, as addContact does', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const acme = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const globex = await createCustomer(contacts, token, { name: 'Globex', kind: 'BUSINESS' });
    const data = await contacts.ok(token, ADD_ALL, {
      input: {
        contacts: [
          { customerId: globex.id, firstName: ' Ada ', email: 'ADA@globex.example', emailConsent: true },
          { customerId: acme.id, firstName: 'Bob' },
        ],
      },
    });
    const added: any[] = data['addContacts'].contacts;
    assert.deepEqual(
      added.map((contact) => [contact.firstName, contact.email, contact.customer.id, contact.consent.email, contact.consent.phone]),
      [
        ['Ada', 'ada@globex.example', globex.id, true, false],
        ['Bob', null, acme.id, false, false],
      ],
    );
    assert.equal(added[1].consent.updatedAt, null);
    for (const contact of added) {
      const event = await events.waitFor(tenant.tenantId, (e) => e.type === 'ContactAdded' && (e.payload as any).contactId === contact.id, 'ContactAdded');
      assert.equal(event.topic, TOPICS.customers);
      assert.equal(event.key, contact.customer.id);
      assert.deepEqual(event.payload, {
        contactId: contact.id,
        emailConsent: contact.consent.email,
        phoneConsent: false,
        consentUpdatedAt: contact.consent.updatedAt === null ? null : new Date(contact.consent.updatedAt).toISOString(),
      });
    }
    assert.deepEqual((await auditRows(tenant)).map((row) => row.action), ['addContacts']);
  });

  it('rejects the whole list when any item is invalid, naming the item, and writes nothing', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['support']);
    const customer = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const interactions = Array.from({ length: 5 }, (_, index) => ({ customerId: customer.id, kind: 'NOTE', summary: `note ${index}` }));
    interactions[3] = { customerId: customer.id, kind: 'PRODUCT_USAGE', summary: 'no feature' };
    const badInteraction = await contacts.request(token, RECORD_ALL, { input: { interactions } });
    assert.deepEqual(errorOf(badInteraction), { code: 'BAD_USER_INPUT', field: 'interactions[3].feature' });

    const badDate = await contacts.request(token, RECORD_ALL, {
      input: { interactions: [interactions[0], { customerId: customer.id, kind: 'CALL', occurredAt: 'not a date' }] },
    });
    assert.equal(errorOf(badDate).code, 'BAD_USER_INPUT');

    const badContact = await contacts.request(token, ADD_ALL, {
      input: { contacts: [{ customerId: customer.id, firstName: 'Ada' }, { customerId: customer.id, firstName: 'Bob' }, { customerId: customer.id, firstName: 'Eve', email: 'nope' }] },
    });
    assert.deepEqual(errorOf(badContact), { code: 'BAD_USER_INPUT', field: 'contacts[2].email' });
    assert.equal(badContact.data, null);

    assert.deepEqual(await writtenRows(tenant), { interactions: 0, contacts: 0, outbox: 0 });
    assert.deepEqual(await auditRows(tenant), []);
  });

  it('rejects more than 1,000 items on the list itself', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['marketing']);
    const customer = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const interactions = Array.from({ length: 1_001 }, () => ({ customerId: customer.id, kind: 'NOTE' }));
    assert.deepEqual(errorOf(await contacts.request(token, RECORD_ALL, { input: { interactions } })), { code: 'BAD_USER_INPUT', field: 'interactions' });
    const people = Array.from({ length: 1_001 }, (_, index) => ({ customerId: customer.id, firstName: `P${index}` }));
    assert.deepEqual(errorOf(await contacts.request(token, ADD_ALL, { input: { contacts: people } })), { code: 'BAD_USER_INPUT', field: 'contacts' });
    assert.deepEqual(await writtenRows(tenant), { interactions: 0, contacts: 0, outbox: 0 });

    const atTheLimit = await contacts.ok(token, RECORD_ALL, { input: { interactions: interactions.slice(1) } });
    assert.equal(atTheLimit['recordInteractions'].interactions.length, 1_000);
    assert.deepEqual(await writtenRows(tenant), { interactions: 1_000, contacts: 0, outbox: 1_000 });
  });

  it("answers NOT_FOUND naming the item for another tenant's customer, FORBIDDEN to an analyst, and writes nothing", async () => {
    const owner = createTestTenant();
    const foreign = await createCustomer(contacts, await owner.token(), { name: 'Private', kind: 'BUSINESS' });
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const own = await createCustomer(contacts, token, { name: 'Own', kind: 'BUSINESS' });

    const interactions = [
      { customerId: own.id, kind: 'CALL' },
      { customerId: foreign.id, kind: 'CALL' },
    ];
    assert.deepEqual(errorOf(await contacts.request(token, RECORD_ALL, { input: { interactions } })), {
      code: 'NOT_FOUND',
      field: 'interactions[1].customerId',
    });
    const people = [
      { customerId: own.id, firstName: 'Ada' },
      { customerId: own.id, firstName: 'Bob' },
      { customerId: 'not-an-id', firstName: 'Eve' },
    ];
    assert.deepEqual(errorOf(await contacts.request(token, ADD_ALL, { input: { contacts: people } })), { code: 'NOT_FOUND', field: 'contacts[2].customerId' });

    const analyst = await tenant.token(['analyst']);
    const oneCall = [{ customerId: own.id, kind: 'CALL' }];
    assert.equal(errorOf(await contacts.request(analyst, RECORD_ALL, { input: { interactions: oneCall } })).code, 'FORBIDDEN');
    assert.equal(errorOf(await contacts.request(analyst, ADD_ALL, { input: { contacts: [people[0]] } })).code, 'FORBIDDEN');

    assert.deepEqual(await writtenRows(tenant), { interactions: 0, contacts: 0, outbox: 0 });
    assert.deepEqual(await writtenRows(owner), { interactions: 0, contacts: 0, outbox: 0 });
  });
});
