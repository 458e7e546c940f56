import { randomUUID } from 'node:crypto';
import type { EventDefinition, EventEnvelope, PayloadOf } from '@rapport/events';
import type { EntityManager } from 'typeorm';

/** The NOTIFY channel that wakes the relay as soon as a transaction with events commits. */
export const OUTBOX_CHANNEL = 'rapport_outbox';

export interface NewEvent<Definition extends EventDefinition> {
  tenantId: string;
  customerId: string;
  payload: PayloadOf<Definition>;
  occurredAt?: Date;
}

/**
 * Writes an event into the outbox inside the caller's transaction: it is published if and
 * only if the change it describes commits. The payload is checked against its contract
 * here, so a producer bug fails the write instead of poisoning consumers.
 */
export async function recordEvent<Definition extends EventDefinition>(
  manager: EntityManager,
  producer: string,
  definition: Definition,
  event: NewEvent<Definition>,
): Promise<EventEnvelope<PayloadOf<Definition>>> {
  const payload = definition.payload.parse(event.payload) as PayloadOf<Definition>;
  const envelope: EventEnvelope<PayloadOf<Definition>> = {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    tenantId: event.tenantId,
    customerId: event.customerId,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    producer,
    payload,
  };
  await manager.query(
    `INSERT INTO outbox (id, topic, message_key, type, version, tenant_id, envelope) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [envelope.id, definition.topic, envelope.customerId, envelope.type, envelope.version, envelope.tenantId, JSON.stringify(envelope)],
  );
  // Delivered at commit, and only if the transaction commits.
  await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  return envelope;
}
