import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';
import { consumerDefaults, startTestBroker, waitFor, type TestBroker } from './support/broker.js';

const run = promisify(execFile);
const hasKcat = spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
const skip = hasKcat ? false : 'kcat not installed';

let broker: TestBroker;
before(async () => {
  if (hasKcat) broker = await startTestBroker();
});
after(async () => {
  if (hasKcat) await broker.cleanup();
});

async function kcatProduce(args: string[], input: string): Promise<void> {
  const child = spawn('kcat', ['-b', broker.address, '-P', ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
  child.stdin!.end(input);
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  assert.equal(code, 0, `kcat produce failed: ${stderr}`);
}

async function kcatConsume(topic: string, format: string): Promise<string[]> {
  const { stdout } = await run('kcat', ['-b', broker.address, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', format], { timeout: 30000 });
  return stdout.split('\n').filter((l) => l !== '');
}

describe('kcat (librdkafka 2.0.2)', { skip }, () => {
  test('negotiates ApiVersions v3 without protocol errors and lists metadata', async () => {
    const admin = broker.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'listed', numPartitions: 2 }] });
    await admin.disconnect();
    const { stdout, stderr } = await run('kcat', ['-b', broker.address, '-L', '-d', 'protocol,feature'], { timeout: 30000 });
    assert.doesNotMatch(stderr, /PROTOERR|ApiArrayCnt/);
    assert.match(stderr, /MsgVer2/);
    assert.match(stderr, /IdempotentProducer/);
    assert.match(stdout, /broker 1 at 127\.0\.0\.1:\d+ \(controller\)/);
    assert.match(stdout, /topic "listed" with 2 partitions/);
  });

  test('produces and consumes keys, headers and gzip-compressed values', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `key${i}:value${i}`);
    await kcatProduce(['-t', 'kc1', '-K:', '-z', 'gzip', '-H', 'origin=kcat'], `${lines.join('\n')}\n`);
    const got = await kcatConsume('kc1', '%k|%s|%h\n');
    assert.deepEqual(got, lines.map((l) => `${l.replace(':', '|')}|origin=kcat`));
  });

  test('an idempotent kcat producer writes each message once', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => `idem${i}`);
    await kcatProduce(['-t', 'kc-idem', '-X', 'enable.idempotence=true'], `${lines.join('\n')}\n`);
    const got = await kcatConsume('kc-idem', '%o %s\n');
    assert.deepEqual(got, lines.map((l, i) => `${i} ${l}`));
  });

  test('kafkajs output is readable by kcat and kcat output by kafkajs', async () => {
    const producer = broker.kafka().producer();
    await producer.connect();
    await producer.send({
      topic: 'js-to-kcat',
      compression: kafkajs.CompressionTypes.GZIP,
      messages: Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, headers: { from: 'kafkajs' } })),
    });
    await producer.disconnect();
    assert.deepEqual(await kcatConsume('js-to-kcat', '%k=%s %h\n'), Array.from({ length: 20 }, (_, i) => `k${i}=v${i} from=kafkajs`));

    await kcatProduce(['-t', 'kcat-to-js', '-K:', '-z', 'gzip'], Array.from({ length: 20 }, (_, i) => `a${i}:b${i}`).join('\n') + '\n');
    const consumer = broker.kafka().consumer({ groupId: 'from-kcat', ...consumerDefaults });
    await consumer.connect();
    await consumer.subscribe({ topic: 'kcat-to-js', fromBeginning: true });
    const got: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void got.push(`${message.key}:${message.value}`) });
    await waitFor(() => got.length >= 20, 'kafkajs to read kcat messages');
    await consumer.disconnect();
    assert.deepEqual(got, Array.from({ length: 20 }, (_, i) => `a${i}:b${i}`));
  });

  test('two kcat -G processes share a group and both consume', async () => {
    const admin = broker.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'kc-group', numPartitions: 3 }] });
    await admin.disconnect();
    const members: { child: ChildProcess; out: string[]; assignments: number }[] = [];
    const startMember = () => {
      const child = spawn('kcat', ['-b', broker.address, '-u', '-G', 'kc-g', '-X', 'auto.offset.reset=earliest', '-X', 'session.timeout.ms=6000', '-f', '%s\n', 'kc-group'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const m = { child, out: [] as string[], assignments: 0 };
      child.stdout!.on('data', (d: Buffer) => m.out.push(...d.toString().split('\n').filter(Boolean)));
      child.stderr!.on('data', (d: Buffer) => void (m.assignments += (d.toString().match(/assigned:/g) ?? []).length));
      members.push(m);
      return m;
    };
    try {
      const a = startMember();
      await waitFor(() => a.assignments >= 1, 'first kcat member assigned');
      const b = startMember();
      await waitFor(() => b.assignments >= 1 && a.assignments >= 2, 'both kcat members assigned after rebalance');
      const producer = broker.kafka().producer();
      await producer.connect();
      await producer.send({ topic: 'kc-group', messages: Array.from({ length: 30 }, (_, i) => ({ partition: i % 3, value: `g${i}` })) });
      await producer.disconnect();
      await waitFor(() => new Set([...a.out, ...b.out]).size === 30, 'all messages consumed by the group');
      assert.ok(a.out.length > 0 && b.out.length > 0, 'both members received messages');
    } finally {
      for (const m of members) m.child.kill('SIGINT');
    }
  });
});
