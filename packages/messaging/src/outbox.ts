import type { EventDefinition, EventEnvelope, PayloadOf } from '@rapport/events';
import type { EntityManager } from 'typeorm';
import { newEventId } from './event-id.js';

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
  const [envelope] = await recordEvents(manager, producer, definition, [event]);
  return envelope!;
}

/**
 * Writes many events of one contract in one statement (imports, bulk changes), in the
 * order given, which is the order they are published in.
 */
export async function recordEvents<Definition extends EventDefinition>(
  manager: EntityManager,
  producer: string,
  definition: Definition,
  events: NewEvent<Definition>[],
): Promise<EventEnvelope<PayloadOf<Definition>>[]> {
  if (events.length === 0) return [];
  const envelopes = events.map(
    (event): EventEnvelope<PayloadOf<Definition>> => ({
      id: newEventId(),
      type: definition.type,
      version: definition.version,
      tenantId: event.tenantId,
      customerId: event.customerId,
      occurredAt: (event.occurredAt ?? new Date()).toISOString(),
      producer,
      payload: definition.payload.parse(event.payload) as PayloadOf<Definition>,
    }),
  );
  // One round trip: the inserts run as data-modifying CTEs beside the notification, which
  // Postgres delivers at commit, and only if the transaction commits. Columns travel as arrays
  // (the envelope serialised here, once) rather than one JSON document Postgres would parse and
  // print again; WITH ORDINALITY keeps the given order in the outbox sequence. The row's seq
  // also joins the relay's queue of rows to publish.
  await manager.query(
    `WITH written AS (
       INSERT INTO outbox (id, topic, message_key, type, version, tenant_id, envelope)
       SELECT t.id, $1, t.message_key, $2, $3, t.tenant_id, t.envelope
         FROM unnest($4::uuid[], $5::text[], $6::uuid[], $7::text[]) WITH ORDINALITY AS t(id, message_key, tenant_id, envelope, position)
        ORDER BY t.position
       RETURNING seq
     ), queued AS (
       INSERT INTO outbox_pending (seq) SELECT seq FROM written
     )
     SELECT pg_notify($8, '')`,
    [
      definition.topic,
      definition.type,
      definition.version,
      envelopes.map((envelope) => envelope.id),
      envelopes.map((envelope) => envelope.customerId),
      envelopes.map((envelope) => envelope.tenantId),
      envelopes.map((envelope) => JSON.stringify(envelope)),
      OUTBOX_CHANNEL,
    ],
  );
  return envelopes;
}

/**
 * Erasure reaches events still in the outbox (published ones are kept a while before they are
 * pruned): in the envelopes of these message keys, each payload field named in `redactions` is
 * replaced by its value there, inside the caller's transaction. What already reached Kafka is
 * beyond this database. Returns the number of envelopes changed.
 */
export async function redactOutboxPayloads(
  manager: EntityManager,
  options: { tenantId: string; messageKeys: readonly string[]; redactions: Record<string, unknown> },
): Promise<number> {
  if (options.messageKeys.length === 0) return 0;
  const rows: { seq: string; envelope: string }[] = await manager.query(
    `SELECT seq, envelope::text AS envelope FROM outbox WHERE tenant_id = $1 AND message_key = ANY($2::text[])`,
    [options.tenantId, [...options.messageKeys]],
  );
  let changed = 0;
  for (const row of rows) {
    const envelope = JSON.parse(row.envelope) as { payload?: Record<string, unknown> };
    const payload = envelope.payload;
    if (!payload) continue;
    let redacted = false;
    for (const [field, replacement] of Object.entries(options.redactions)) {
      if (field in payload && JSON.stringify(payload[field]) !== JSON.stringify(replacement)) {
        payload[field] = replacement;
        redacted = true;
      }
    }
    if (!redacted) continue;
    await manager.query(`UPDATE outbox SET envelope = $2 WHERE seq = $1`, [row.seq, JSON.stringify(envelope)]);
    changed += 1;
  }
  return changed;
}
