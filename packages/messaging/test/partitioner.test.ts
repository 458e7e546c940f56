import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import kafkajs, { type PartitionerArgs } from 'kafkajs';
import { keyHashPartitioner } from '../src/index.js';

const { Partitioners } = kafkajs;

const metadata = (count: number): PartitionerArgs['partitionMetadata'] =>
  Array.from({ length: count }, (_v, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));

describe('key hash partitioner', () => {
  it('puts every key on the partition kafkajs (and the Java client) would choose', () => {
    const ours = keyHashPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    const keys: (string | Buffer)[] = [
      '',
      'a',
      'ab',
      'abc',
      'abcd',
      'Zürich customer',
      '顧客',
      ...Array.from({ length: 2_000 }, () => randomUUID()),
      ...Array.from({ length: 2_000 }, (_v, index) => randomBytes(index % 67)),
      ...Array.from({ length: 200 }, (_v, index) => `${randomUUID()}-é${'x'.repeat(index % 5)}`),
    ];
    for (const partitions of [1, 3, 6, 7]) {
      for (const key of keys) {
        const args = { topic: 'rapport.customers', partitionMetadata: metadata(partitions), message: { key, value: 'v' } };
        assert.equal(ours(args), theirs(args), `key ${String(key)} with ${partitions} partitions`);
      }
    }
  });

  it('keeps an explicit partition', () => {
    const ours = keyHashPartitioner();
    assert.equal(ours({ topic: 't', partitionMetadata: metadata(6), message: { key: randomUUID(), value: 'v', partition: 4 } }), 4);
  });
});
