import { parseArgs } from 'node:util';
import { startBroker } from './broker.js';

const USAGE = `Usage: rapport-kafka [--port 9092] [--host 127.0.0.1] [--advertised-host HOST] [--data-dir .data/kafka]
                     [--auto-create-topics | --no-auto-create-topics] [--default-partitions 1]
                     [--no-fsync] [--max-request-bytes N] [--segment-bytes N] [--log-level info]

Single-node Kafka-protocol broker for development and tests. Not for production.`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9092' },
    host: { type: 'string', default: '127.0.0.1' },
    'advertised-host': { type: 'string' },
    'data-dir': { type: 'string', default: '.data/kafka' },
    'auto-create-topics': { type: 'boolean' },
    'no-auto-create-topics': { type: 'boolean' },
    'default-partitions': { type: 'string', default: '1' },
    'no-fsync': { type: 'boolean' },
    'max-request-bytes': { type: 'string' },
    'segment-bytes': { type: 'string' },
    'log-level': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got '${value}'\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const broker = await startBroker({
  port: int('port', values.port),
  host: values.host,
  advertisedHost: values['advertised-host'],
  dataDir: values['data-dir'] ?? '.data/kafka',
  // Auto-creation is on unless explicitly disabled, like Kafka's auto.create.topics.enable.
  autoCreateTopics: values['no-auto-create-topics'] ? false : (values['auto-create-topics'] ?? true),
  defaultPartitions: int('default-partitions', values['default-partitions']),
  fsync: !values['no-fsync'],
  maxRequestBytes: int('max-request-bytes', values['max-request-bytes']),
  segmentBytes: int('segment-bytes', values['segment-bytes']),
  logLevel: values['log-level'],
});

// Machine-readable line so a parent process (tests, dev-stack) can learn the chosen port.
process.stdout.write(`${JSON.stringify({ event: 'listening', host: broker.host, port: broker.port })}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void broker.stop().then(() => process.exit(0));
  });
}
