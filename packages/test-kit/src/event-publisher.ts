import { randomUUID } from 'node:crypto';
import kafkajs from 'kafkajs';
import { testKafkaBrokers } from './infrastructure.js';

const { Kafka, logLevel } = kafkajs;

/** The parts of an event contract a publisher needs (structurally, so this kit needs no events dependency). */
export interface PublishableDefinition<Payload> {
  type: string;
  version: number;
  topic: string;
  producer: string;
  payload: { parse(value: unknown): Payload };
}

export interface PublishedEnvelope<Payload> {
  id: string;
  type: string;
  version: number;
  tenantId: string;
  customerId: string;
  occurredAt: string;
  producer: string;
  payload: Payload;
}

export interface EventPublisher {
  /**
   * Publishes events as their producer's outbox relay would (envelope as JSON, key = customer
   * id), for a test of a consumer whose producer is not running. Payloads are checked against
   * the contract first. Returns the envelopes, which `republish` can send again.
   */
  publish<Payload>(
    definition: PublishableDefinition<Payload>,
    events: { tenantId: string; customerId: string; payload: Payload; occurredAt?: string; id?: string }[],
  ): Promise<PublishedEnvelope<Payload>[]>;
  /** Sends envelopes again, ids unchanged: a redelivery, as after a relay retry. */
  republish(topic: string, envelopes: PublishedEnvelope<unknown>[]): Promise<void>;
  stop(): Promise<void>;
}

export async function createEventPublisher(): Promise<EventPublisher> {
  const kafka = new Kafka({ clientId: 'rapport-test-publisher', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const send = async (topic: string, envelopes: PublishedEnvelope<unknown>[]) => {
    // The services under test create the topics as they start, without blocking their start:
    // wait for them rather than fail a test that published first.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await producer.send({
          topic,
          acks: -1,
          messages: envelopes.map((envelope) => ({ key: envelope.customerId, value: JSON.stringify(envelope) })),
        });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  return {
    async publish(definition, events) {
      const envelopes = events.map((event) => ({
        id: event.id ?? randomUUID(),
        type: definition.type,
        version: definition.version,
        tenantId: event.tenantId,
        customerId: event.customerId,
        occurredAt: event.occurredAt ?? new Date().toISOString(),
        producer: definition.producer,
        payload: definition.payload.parse(event.payload),
      }));
      await send(definition.topic, envelopes);
      return envelopes;
    },
    republish: send,
    stop: () => producer.disconnect(),
  };
}
