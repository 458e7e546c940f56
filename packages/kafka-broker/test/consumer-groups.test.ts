import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type kafkajs from 'kafkajs';
import { consumerDefaults, startTestBroker, waitFor, type TestBroker } from './support/broker.js';

let broker: TestBroker;
before(async () => {
  broker = await startTestBroker();
});
after(() => broker.cleanup());

interface Member {
  name: string;
  assigned: number[];
  received: string[];
  stop(): Promise<void>;
}

async function inProcessMember(name: string, groupId: string, topic: string): Promise<Member> {
  const consumer: kafkajs.Consumer = broker.kafka(name).consumer({ groupId, ...consumerDefaults });
  const m: Member = { name, assigned: [], received: [], stop: () => consumer.disconnect() };
  consumer.on(consumer.events.GROUP_JOIN, (e) => void (m.assigned = e.payload.memberAssignment[topic] ?? []));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void m.received.push(message.value!.toString()) });
  return m;
}

function childMember(groupId: string, topic: string): Member & { child: ChildProcess } {
  const script = fileURLToPath(new URL('./support/child-consumer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', script, broker.address, groupId, topic], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const m = { name: 'child', assigned: [] as number[], received: [] as string[], child, stop: async () => void child.kill('SIGKILL') };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const msg = JSON.parse(line) as { assigned?: number[]; value?: string };
    if (msg.assigned) m.assigned = msg.assigned;
    if (msg.value !== undefined) m.received.push(msg.value);
  });
  return m;
}

function coversAllDisjoint(members: Member[], partitions: number): boolean {
  const all = members.flatMap((m) => m.assigned).sort();
  return all.length === partitions && all.every((p, i) => p === i);
}

test('group members share partitions, rebalance on join, leave and SIGKILL, and lose no message', async () => {
  const admin = broker.kafka().admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'shared', numPartitions: 3 }] });
  const producer = broker.kafka().producer();
  await producer.connect();
  const sent: string[] = [];
  const produce = async (tag: string, n: number) => {
    const messages = Array.from({ length: n }, (_, i) => ({ key: `${tag}-${i}`, value: `${tag}-${i}` }));
    sent.push(...messages.map((m) => m.value));
    await producer.send({ topic: 'shared', messages });
  };
  const received = (ms: Member[]) => new Set(ms.flatMap((m) => m.received));

  const a = await inProcessMember('a', 'workers', 'shared');
  const b = childMember('workers', 'shared');
  await waitFor(() => a.assigned.length > 0 && b.assigned.length > 0 && coversAllDisjoint([a, b], 3), 'two members to split 3 partitions');

  await produce('two', 30);
  await waitFor(() => sent.every((v) => received([a, b]).has(v)), 'two members to receive every message');

  const c = await inProcessMember('c', 'workers', 'shared');
  await waitFor(() => [a, b, c].every((m) => m.assigned.length === 1) && coversAllDisjoint([a, b, c], 3), 'three members with one partition each');
  await produce('three', 30);
  await waitFor(() => sent.every((v) => received([a, b, c]).has(v)), 'three members to receive every message');

  await c.stop();
  await waitFor(() => coversAllDisjoint([a, b], 3), 'survivors to take over after a leave');

  await b.stop();
  await waitFor(() => a.assigned.length === 3, 'the last member to own every partition after the killed member session expired');
  await produce('after-kill', 30);
  await waitFor(() => sent.every((v) => received([a, b, c]).has(v)), 'no message lost across rebalances');

  const description = await admin.describeGroups(['workers']);
  assert.equal(description.groups[0]!.state, 'Stable');
  assert.equal(description.groups[0]!.members.length, 1);
  await a.stop();
  await producer.disconnect();
  await admin.disconnect();
});
