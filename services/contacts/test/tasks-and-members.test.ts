import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOPICS } from '@rapport/events';
import { executeAs } from '@rapport/service-kit';
import { createTestTenant, type EventTap, tapEvents } from '@rapport/test-kit';
import { createCustomer, errorOf, startContacts, type ContactsUnderTest } from './support/service.js';

const CREATE_TASK = /* GraphQL */ `
  mutation Task($input: CreateTaskInput!) { createTask(input: $input) { task { id title dueAt status assigneeId reason } } }
`;
const COMPLETE_TASK = /* GraphQL */ `
  mutation Done($input: CompleteTaskInput!) { completeTask(input: $input) { task { id status } } }
`;
const UPSERT_MEMBER = /* GraphQL */ `
  mutation Member($input: UpsertMemberInput!) { upsertMember(input: $input) { member { id name email team territories skills available } } }
`;

let contacts: ContactsUnderTest;
let events: EventTap;
before(async () => {
  contacts = await startContacts();
  events = await tapEvents([TOPICS.customers]);
});
after(async () => {
  await events.stop();
  await contacts.stop();
});

describe('contacts: tasks', () => {
  it('creates and completes tasks and lists them per customer by status', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token(['sales']);
    const customer = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const assigneeId = crypto.randomUUID();
    const call = (await contacts.ok(token, CREATE_TASK, { input: { customerId: customer.id, title: 'Call back', dueAt: '2026-12-01T09:00:00Z', assigneeId } }))['createTask'].task;
    assert.equal(call.status, 'OPEN');
    assert.equal(call.assigneeId, assigneeId);
    const send = (await contacts.ok(token, CREATE_TASK, { input: { customerId: customer.id, title: 'Send offer' } }))['createTask'].task;
    const done = await contacts.ok(token, COMPLETE_TASK, { input: { id: send.id } });
    assert.equal(done['completeTask'].task.status, 'DONE');
    const again = await contacts.ok(token, COMPLETE_TASK, { input: { id: send.id } });
    assert.equal(again['completeTask'].task.status, 'DONE');

    const read = await contacts.ok(token, `query($id: ID!) { customer(id: $id) { open: tasks(status: OPEN) { title } done: tasks(status: DONE) { title } all: tasks { title } } }`, { id: customer.id });
    assert.deepEqual(read['customer'], { open: [{ title: 'Call back' }], done: [{ title: 'Send offer' }], all: [{ title: 'Call back' }, { title: 'Send offer' }] });

    const created = await events.waitFor(tenant.tenantId, (e) => e.type === 'TaskCreated' && (e.payload as any).taskId === call.id, 'TaskCreated');
    assert.equal(created.key, customer.id);
    assert.equal((created.payload as any).assigneeId, assigneeId);
    assert.equal((created.payload as any).dueAt, '2026-12-01T09:00:00.000Z');
    const completed = await events.waitFor(tenant.tenantId, (e) => e.type === 'TaskCompleted', 'TaskCompleted');
    assert.equal(completed.topic, TOPICS.customers);
    assert.equal((completed.payload as any).taskId, send.id);
    // One customer's events arrive in order: once the marker's event is in, a TaskCompleted
    // from the repeated completion would have arrived before it.
    const marker = (await contacts.ok(token, CREATE_TASK, { input: { customerId: customer.id, title: 'Marker' } }))['createTask'].task;
    await events.waitFor(tenant.tenantId, (e) => e.type === 'TaskCreated' && (e.payload as any).taskId === marker.id, 'marker TaskCreated');
    assert.equal(events.received(tenant.tenantId).filter((e) => e.type === 'TaskCompleted').length, 1);
  });

  it("rejects an empty title naming the field, and answers NOT_FOUND for another tenant's task or customer", async () => {
    const owner = createTestTenant();
    const token = await owner.token();
    const customer = await createCustomer(contacts, token, { name: 'Acme', kind: 'BUSINESS' });
    const empty = await contacts.request(token, CREATE_TASK, { input: { customerId: customer.id, title: ' ' } });
    assert.deepEqual(errorOf(empty), { code: 'BAD_USER_INPUT', field: 'title' });
    const task = (await contacts.ok(token, CREATE_TASK, { input: { customerId: customer.id, title: 'Mine' } }))['createTask'].task;
    const stranger = await createTestTenant().token();
    assert.equal(errorOf(await contacts.request(stranger, COMPLETE_TASK, { input: { id: task.id } })).code, 'NOT_FOUND');
    assert.equal(errorOf(await contacts.request(stranger, CREATE_TASK, { input: { customerId: customer.id, title: 'X' } })).code, 'NOT_FOUND');
    assert.equal(errorOf(await contacts.request(await owner.token(['analyst']), COMPLETE_TASK, { input: { id: task.id } })).code, 'FORBIDDEN');
    const read = await contacts.ok(token, `query($id: ID!) { customer(id: $id) { tasks { title status } } }`, { id: customer.id });
    assert.deepEqual(read['customer'].tasks, [{ title: 'Mine', status: 'OPEN' }]);
  });

  it('loads the tasks of a whole list of customers with one query', async () => {
    const tenant = createTestTenant();
    const token = await tenant.token();
    for (let index = 0; index < 4; index += 1) {
      const customer = await createCustomer(contacts, token, { name: `C${index}`, kind: 'BUSINESS' });
      await contacts.ok(token, CREATE_TASK, { input: { customerId: customer.id, title: `Task ${index}` } });
    }
    contacts.statements.length = 0;
    const result = await executeAs(contacts.service.subgraph, { query: `{ customers { edges { node { open: tasks(status: OPEN) { title } all: tasks { title } } } } }` }, token);
    assert.equal(result.body.kind, 'single');
    assert.equal((result.body as any).singleResult.errors, undefined);
    const selects = contacts.statements.filter((sql) => /^\s*SELECT\b/i.test(sql) && /"tasks"/.test(sql));
    assert.equal(selects.length, 1, selects.join('\n'));
  });
});

describe('contacts: members', () => {
  it('lets admins upsert members by id or email, and everyone read the directory', async () => {
    const tenant = createTestTenant();
    const admin = await tenant.token();
    const created = (await contacts.ok(admin, UPSERT_MEMBER, { input: { name: 'Grace', email: 'Grace@Example.com', team: 'sales', territories: ['de', 'at'], skills: ['german'] } }))['upsertMember'].member;
    assert.deepEqual(
      { ...created, id: undefined },
      { id: undefined, name: 'Grace', email: 'grace@example.com', team: 'sales', territories: ['DE', 'AT'], skills: ['german'], available: true },
    );
    const byEmail = (await contacts.ok(admin, UPSERT_MEMBER, { input: { name: 'Grace H.', email: 'grace@example.com', available: false } }))['upsertMember'].member;
    assert.equal(byEmail.id, created.id);
    assert.equal(byEmail.available, false);
    assert.deepEqual(byEmail.territories, ['DE', 'AT']);
    const byId = (await contacts.ok(admin, UPSERT_MEMBER, { input: { id: created.id, name: 'Grace Hopper', email: 'gh@example.com' } }))['upsertMember'].member;
    assert.equal(byId.email, 'gh@example.com');
    const list = await contacts.ok(await tenant.token(['analyst']), `{ members { id name } }`);
    assert.deepEqual(list['members'], [{ id: created.id, name: 'Grace Hopper' }]);
  });

  it("refuses non-admins with FORBIDDEN, answers NOT_FOUND for another tenant's member, and rejects a bad email", async () => {
    const tenant = createTestTenant();
    const sales = await contacts.request(await tenant.token(['sales', 'support', 'marketing']), UPSERT_MEMBER, { input: { name: 'X', email: 'x@example.com' } });
    assert.equal(errorOf(sales).code, 'FORBIDDEN');
    const other = createTestTenant();
    const member = (await contacts.ok(await other.token(), UPSERT_MEMBER, { input: { name: 'Theirs', email: 't@example.com' } }))['upsertMember'].member;
    const stolen = await contacts.request(await tenant.token(), UPSERT_MEMBER, { input: { id: member.id, name: 'Mine', email: 'm@example.com' } });
    assert.equal(errorOf(stolen).code, 'NOT_FOUND');
    const bad = await contacts.request(await tenant.token(), UPSERT_MEMBER, { input: { name: 'Bad', email: 'nope' } });
    assert.deepEqual(errorOf(bad), { code: 'BAD_USER_INPUT', field: 'email' });
    assert.deepEqual((await contacts.ok(await tenant.token(), `{ members { id } }`))['members'], []);
  });
});
