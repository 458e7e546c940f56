// A kafkajs group member in its own process, so a test can SIGKILL it without a LeaveGroup.
// Prints one JSON line per assignment and per message.
import kafkajs from 'kafkajs';

const [address, groupId, topic] = process.argv.slice(2) as [string, string, string];
const kafka = new kafkajs.Kafka({ clientId: 'child', brokers: [address], logLevel: kafkajs.logLevel.NOTHING, retry: { retries: 5, initialRetryTime: 100 } });
const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 200, rebalanceTimeout: 10000 });
const emit = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
consumer.on(consumer.events.GROUP_JOIN, (e) => emit({ assigned: e.payload.memberAssignment[topic] ?? [] }));
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await consumer.run({ eachMessage: async ({ message }) => void emit({ value: message.value?.toString() }) });
