import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { crc32c } from '../src/protocol/crc32c.js';
import { ADVERTISED_APIS } from '../src/protocol/registry.js';
import { startTestBroker, type TestBroker } from './support/broker.js';
import { RawClient } from './support/raw-client.js';

const require = createRequire(import.meta.url);
const Long = require('kafkajs/src/utils/long') as { fromString(s: string): unknown };

let broker: TestBroker;
const MAX_REQUEST = 4 * 1024 * 1024;

before(async () => {
  broker = await startTestBroker({ maxRequestBytes: MAX_REQUEST, autoCreateTopics: true });
  const c = await RawClient.connect(broker.port);
  await c.request('CreateTopics', 3, { topics: [{ topic: 'p3', numPartitions: 3, replicationFactor: 1 }], timeout: 1000 });
  await c.request('CreateTopics', 3, { topics: [{ topic: 'one', numPartitions: 1, replicationFactor: 1 }], timeout: 1000 });
  c.close();
});
after(() => broker.cleanup());

function produceArgs(topic: string, partition: number, values: string[], acks = -1, extra: Record<string, unknown> = {}) {
  return {
    acks,
    timeout: 5000,
    ...extra,
    topicData: [{ topic, partitions: [{ partition, firstSequence: extra.firstSequence ?? 0, messages: values.map((v, i) => ({ key: `k${i}`, value: v })) }] }],
  };
}

function fetchArgs(topic: string, partition: number, fetchOffset: string, extra: Record<string, unknown> = {}) {
  return {
    replicaId: -1,
    isolationLevel: 1,
    maxWaitTime: 0,
    minBytes: 1,
    maxBytes: 10 * 1024 * 1024,
    topics: [{ topic, partitions: [{ partition, fetchOffset, maxBytes: 1024 * 1024 }] }],
    ...extra,
  };
}

/** Locates the single record batch at the end of an encoded Produce request. */
function batchStart(frame: Buffer): number {
  for (let i = frame.length - 61 - 4; i >= 0; i--) {
    if (frame.readInt32BE(i) === frame.length - i - 4 && frame[i + 4 + 16] === 2) return i + 4;
  }
  throw new Error('record batch not found');
}

describe('ApiVersions', () => {
  test('advertises exactly the version table of the spec (Tier 1 and Tier 2, nothing else)', () => {
    const table = Object.fromEntries(ADVERTISED_APIS.map((a) => [a.key, `${a.minVersion}-${a.maxVersion}`]));
    assert.deepEqual(table, {
      0: '3-7', 1: '4-11', 2: '0-3', 3: '0-6', 8: '0-5', 9: '1-5', 10: '0-2', 11: '0-5', 12: '0-3', 13: '0-3',
      14: '0-3', 15: '0-2', 16: '0-2', 18: '0-3', 19: '0-4', 20: '0-1', 21: '0-1', 22: '0-1', 32: '0-2', 33: '0-1',
      37: '0-1', 42: '0-1',
    });
  });

  test('v0, v1 and v2 decode with kafkajs and list every advertised api', async () => {
    const c = await RawClient.connect(broker.port);
    for (const v of [0, 1, 2]) {
      const res = await c.request<{ errorCode: number; apiVersions: { apiKey: number }[] }>('ApiVersions', v);
      assert.equal(res.errorCode, 0);
      assert.deepEqual(res.apiVersions.map((a) => a.apiKey), ADVERTISED_APIS.map((a) => a.key));
    }
    c.close();
  });

  test('v3 answers in flexible format with a header that has no tagged fields', async () => {
    const c = await RawClient.connect(broker.port);
    // apiKey 18, version 3, correlation 7, client id "x", header tags 0, name "a", version "1", body tags 0
    const payload = Buffer.from([0x00, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x07, 0x00, 0x01, 0x78, 0x00, 0x02, 0x61, 0x02, 0x31, 0x00]);
    const size = Buffer.alloc(4);
    size.writeInt32BE(payload.length);
    c.write(Buffer.concat([size, payload]));
    const res = (await c.nextFrame())!;
    const expected: number[] = [0, 0, 0, 7, 0, 0, ADVERTISED_APIS.length + 1];
    for (const a of ADVERTISED_APIS) expected.push(a.key >> 8, a.key & 0xff, 0, a.minVersion, 0, a.maxVersion, 0);
    expected.push(0, 0, 0, 0, 0);
    assert.deepEqual([...res], expected);
    c.close();
  });

  test('versions above 3 get UNSUPPORTED_VERSION in v0 format listing ApiVersions 0-3', async () => {
    const c = await RawClient.connect(broker.port);
    for (const version of [4, 99]) {
      const payload = Buffer.from([0x00, 0x12, 0x00, version, 0x00, 0x00, 0x00, 0x09, 0xff, 0xff, 0x00]);
      const size = Buffer.alloc(4);
      size.writeInt32BE(payload.length);
      c.write(Buffer.concat([size, payload]));
      const res = (await c.nextFrame())!;
      assert.equal(res.readInt32BE(0), 9);
      assert.equal(res.readInt16BE(4), 35);
      const n = res.readInt32BE(6);
      const entries = Array.from({ length: n }, (_, i) => [res.readInt16BE(10 + i * 6), res.readInt16BE(12 + i * 6), res.readInt16BE(14 + i * 6)]);
      assert.ok(entries.some(([k, min, max]) => k === 18 && min === 0 && max === 3));
    }
    c.close();
  });
});

describe('framing and rejection', () => {
  test('unknown api keys and unadvertised versions close only that connection', async () => {
    const bystander = await RawClient.connect(broker.port);
    for (const [key, version] of [[99, 0], [0, 2], [9, 0]] as const) {
      const c = await RawClient.connect(broker.port);
      const payload = Buffer.alloc(10);
      payload.writeInt16BE(key, 0);
      payload.writeInt16BE(version, 2);
      payload.writeInt32BE(1, 4);
      payload.writeInt16BE(-1, 8);
      const size = Buffer.alloc(4);
      size.writeInt32BE(payload.length);
      c.write(Buffer.concat([size, payload]));
      assert.equal(await c.nextFrame(), null, `api ${key} v${version} must close the connection`);
    }
    const md = await bystander.request<{ brokers: unknown[] }>('Metadata', 6, { topics: [] });
    assert.equal(md.brokers.length, 1);
    bystander.close();
  });

  test('oversized and malformed requests are rejected without affecting other connections', async () => {
    const bystander = await RawClient.connect(broker.port);
    const big = await RawClient.connect(broker.port);
    const header = Buffer.alloc(4);
    header.writeInt32BE(MAX_REQUEST + 1);
    big.write(header);
    assert.equal(await big.nextFrame(), null);

    const truncated = await RawClient.connect(broker.port);
    const { bytes } = await truncated.encode('Metadata', 1, { topics: ['a', 'b'] });
    // Claim more topics than the request carries.
    const lie = Buffer.from(bytes);
    lie.writeInt32BE(1000, 4 + 2 + 2 + 4 + 2 + 'raw-test'.length);
    truncated.write(lie);
    assert.equal(await truncated.nextFrame(), null);

    const md = await bystander.request<{ topicMetadata: { topic: string }[] }>('Metadata', 6, { topics: ['p3'] });
    assert.equal(md.topicMetadata[0]!.topic, 'p3');
    bystander.close();
  });

  test('pipelined requests in one write are answered in order', async () => {
    const c = await RawClient.connect(broker.port);
    const a = await c.encode('ApiVersions', 0);
    const b = await c.encode('Metadata', 0, { topics: [] });
    const d = await c.encode('ListGroups', 2);
    c.write(Buffer.concat([a.bytes, b.bytes, d.bytes]));
    const ids = [(await c.nextFrame())!.readInt32BE(0), (await c.nextFrame())!.readInt32BE(0), (await c.nextFrame())!.readInt32BE(0)];
    assert.deepEqual(ids, [a.correlationId, b.correlationId, d.correlationId]);
    c.close();
  });

  test('a request behind a parked fetch is answered after it; other sockets are not blocked', async () => {
    const c = await RawClient.connect(broker.port);
    const hwm = await c.request<any>('ListOffsets', 3, { replicaId: -1, isolationLevel: 1, topics: [{ topic: 'one', partitions: [{ partition: 0, timestamp: -1 }] }] });
    const end = hwm.responses[0].partitions[0].offset as string;
    const fetch = await c.encode('Fetch', 11, fetchArgs('one', 0, end, { maxWaitTime: 500 }));
    const md = await c.encode('Metadata', 6, { topics: [] });
    c.write(Buffer.concat([fetch.bytes, md.bytes]));
    const other = await RawClient.connect(broker.port);
    await other.request('Metadata', 6, { topics: [] });
    assert.equal(c.pendingFrames(), 0, 'the parked fetch must not have been answered yet');
    assert.equal((await c.nextFrame())!.readInt32BE(0), fetch.correlationId);
    assert.equal((await c.nextFrame())!.readInt32BE(0), md.correlationId);
    c.close();
    other.close();
  });

  test('a parked fetch is woken by a produce and returns the new record', async () => {
    const consumer = await RawClient.connect(broker.port);
    const producer = await RawClient.connect(broker.port);
    const lo = await consumer.request<any>('ListOffsets', 3, { replicaId: -1, isolationLevel: 1, topics: [{ topic: 'one', partitions: [{ partition: 0, timestamp: -1 }] }] });
    const end = lo.responses[0].partitions[0].offset as string;
    const fetched = consumer.request<any>('Fetch', 11, fetchArgs('one', 0, end, { maxWaitTime: 25000 }));
    await producer.request('Produce', 7, produceArgs('one', 0, ['wake-up']));
    const guard = new Promise((_, reject) => setTimeout(() => reject(new Error('fetch was not woken by produce')), 20000).unref());
    const res = (await Promise.race([fetched, guard])) as any;
    const messages = res.responses[0].partitions[0].messages;
    assert.equal(messages[messages.length - 1].value.toString(), 'wake-up');
    consumer.close();
    producer.close();
  });
});

describe('Produce', () => {
  test('acks=0 gets no response: the next response belongs to the following request', async () => {
    const c = await RawClient.connect(broker.port);
    const p = await c.encode('Produce', 7, produceArgs('one', 0, ['fire-and-forget'], 0));
    const md = await c.encode('Metadata', 6, { topics: [] });
    c.write(Buffer.concat([p.bytes, md.bytes]));
    assert.equal((await c.nextFrame())!.readInt32BE(0), md.correlationId);
    c.close();
  });

  test('rejects a bad CRC with CORRUPT_MESSAGE, magic 1 and control batches with INVALID_RECORD', async () => {
    const c = await RawClient.connect(broker.port);
    const send = async (mutate: (frame: Buffer, batch: number) => void) => {
      const { bytes, correlationId } = await c.encode('Produce', 7, produceArgs('one', 0, ['x', 'y']));
      const frame = Buffer.from(bytes);
      mutate(frame, batchStart(frame));
      c.write(frame);
      const res = (await c.nextFrame())!;
      assert.equal(res.readInt32BE(0), correlationId);
      const def = require('kafkajs/src/protocol/requests/produce/v7/response') as { decode(b: Buffer): Promise<any> };
      const decoded = await def.decode(res.subarray(4));
      return decoded.topics[0].partitions[0].errorCode as number;
    };
    assert.equal(await send((f) => { f[f.length - 1] = f[f.length - 1]! ^ 0xff; }), 2);
    assert.equal(await send((f, b) => { f[b + 16] = 1; }), 87);
    assert.equal(
      await send((f, b) => {
        f.writeInt16BE(f.readInt16BE(b + 21) | 0x20, b + 21);
        f.writeUInt32BE(crc32c(f, b + 21), b + 17);
      }),
      87,
    );
    c.close();
  });

  test('assigns contiguous base offsets per partition and fetch returns batches byte-identical apart from the base offset', async () => {
    const c = await RawClient.connect(broker.port);
    const { bytes } = await c.encode('Produce', 7, produceArgs('p3', 2, ['a', 'b', 'c']));
    const sentBatch = Buffer.from(bytes.subarray(batchStart(bytes)));
    c.write(bytes);
    await c.nextFrame();
    const second = await c.request<any>('Produce', 7, produceArgs('p3', 2, ['d', 'e']));
    assert.equal(second.topics[0].partitions[0].baseOffset, '3');
    for (const version of [4, 11]) {
      const res = await c.request<any>('Fetch', version, fetchArgs('p3', 2, '0'), { parse: false });
      const p = res.responses[0].partitions[0];
      assert.equal(p.highWatermark, '5');
      assert.equal(p.lastStableOffset, '5');
      assert.deepEqual(p.messages.map((m: any) => m.offset), ['0', '1', '2', '3', '4']);
    }
    const raw = await c.encode('Fetch', 11, fetchArgs('p3', 2, '0'));
    c.write(raw.bytes);
    const frame = (await c.nextFrame())!;
    const at = frame.indexOf(sentBatch.subarray(12));
    assert.ok(at > 0, 'stored batch bytes (from the leader epoch on) must equal the produced ones');
    c.close();
  });

  test('an idempotent retry is acknowledged with the original offset and not written twice', async () => {
    const c = await RawClient.connect(broker.port);
    const init = await c.request<any>('InitProducerId', 1, { transactionalId: null, transactionTimeout: 30000 });
    const extra = { producerId: Long.fromString(String(init.producerId)), producerEpoch: init.producerEpoch, firstSequence: 0 };
    const first = await c.request<any>('Produce', 7, produceArgs('p3', 0, ['i1', 'i2'], -1, extra));
    const retry = await c.request<any>('Produce', 7, produceArgs('p3', 0, ['i1', 'i2'], -1, extra));
    assert.equal(retry.topics[0].partitions[0].baseOffset, first.topics[0].partitions[0].baseOffset);
    const lo = await c.request<any>('ListOffsets', 3, { replicaId: -1, isolationLevel: 1, topics: [{ topic: 'p3', partitions: [{ partition: 0, timestamp: -1 }] }] });
    assert.equal(BigInt(lo.responses[0].partitions[0].offset), BigInt(first.topics[0].partitions[0].baseOffset) + 2n);
    const gap = await c.request<any>('Produce', 7, produceArgs('p3', 0, ['skip'], -1, { ...extra, firstSequence: 5 }), { parse: false });
    assert.equal(gap.topics[0].partitions[0].errorCode, 45);
    c.close();
  });
});

describe('Fetch and ListOffsets', () => {
  test('a fetch starting mid-batch returns the whole containing batch', async () => {
    const c = await RawClient.connect(broker.port);
    await c.request('Produce', 7, produceArgs('p3', 1, ['m0', 'm1', 'm2']));
    const res = await c.request<any>('Fetch', 11, fetchArgs('p3', 1, '1'));
    const offsets = res.responses[0].partitions[0].messages.map((m: any) => m.offset);
    assert.deepEqual(offsets.slice(0, 3), ['0', '1', '2']);
    c.close();
  });

  test('returns the first batch whole even when it exceeds the partition limit', async () => {
    const c = await RawClient.connect(broker.port);
    await c.request('CreateTopics', 3, { topics: [{ topic: 'big', numPartitions: 1, replicationFactor: 1 }], timeout: 1000 });
    await c.request('Produce', 7, produceArgs('big', 0, ['x'.repeat(50_000)]));
    const args = fetchArgs('big', 0, '0');
    (args.topics[0]!.partitions[0] as { maxBytes: number }).maxBytes = 1000;
    const res = await c.request<any>('Fetch', 11, args);
    assert.equal(res.responses[0].partitions[0].messages[0].value.length, 50_000);
    c.close();
  });

  test('fetching past the high watermark is OFFSET_OUT_OF_RANGE', async () => {
    const c = await RawClient.connect(broker.port);
    const res = await c.request<any>('Fetch', 11, fetchArgs('p3', 1, '1000'), { parse: false });
    assert.equal(res.responses[0].partitions[0].errorCode, 1);
    c.close();
  });

  test('ListOffsets resolves latest, earliest and timestamps, and v0 uses the old offsets array', async () => {
    const c = await RawClient.connect(broker.port);
    await c.request('CreateTopics', 3, { topics: [{ topic: 'ts', numPartitions: 1, replicationFactor: 1 }], timeout: 1000 });
    await c.request('Produce', 7, { acks: -1, timeout: 1000, topicData: [{ topic: 'ts', partitions: [{ partition: 0, messages: [{ value: 'old', timestamp: 1000 }] }] }] });
    await c.request('Produce', 7, { acks: -1, timeout: 1000, topicData: [{ topic: 'ts', partitions: [{ partition: 0, messages: [{ value: 'new', timestamp: 5000 }] }] }] });
    const q = (timestamp: number) => ({ replicaId: -1, isolationLevel: 1, topics: [{ topic: 'ts', partitions: [{ partition: 0, timestamp }] }] });
    const at = async (ts: number) => (await c.request<any>('ListOffsets', 3, q(ts))).responses[0].partitions[0].offset;
    assert.equal(await at(-1), '2');
    assert.equal(await at(-2), '0');
    assert.equal(await at(3000), '1');
    assert.equal(await at(9000), '-1');
    const v0 = await c.request<any>('ListOffsets', 0, q(-1), { parse: false });
    assert.deepEqual(v0.responses[0].partitions[0].offsets, ['2']);
    c.close();
  });
});
