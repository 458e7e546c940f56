import { findEventDefinition, isKnownEventType } from './catalogue.js';
import { envelopeSchema, type EventEnvelope } from './envelope.js';

/**
 * What a consumer can make of a message. The policy each outcome gets is stated by the
 * consumer: `event` is handled; `unknown-type` and `unknown-version` (a producer ahead of
 * this consumer) are skipped and counted, never crash; `malformed` goes to the dead-letter topic.
 */
export type DecodedMessage =
  | { kind: 'event'; event: EventEnvelope }
  | { kind: 'unknown-type'; type: string; version: number }
  | { kind: 'unknown-version'; type: string; version: number }
  | { kind: 'malformed'; reason: string };

export function decodeEvent(value: Buffer | string | null): DecodedMessage {
  if (value === null) return { kind: 'malformed', reason: 'empty message' };
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  return decodeParsedEvent(json);
}

/** `decodeEvent` for a message already parsed as JSON (by a consumer that first looked at its type). */
export function decodeParsedEvent(json: unknown): DecodedMessage {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { kind: 'malformed', reason: `envelope: ${envelope.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}` };
  }
  const { type, version } = envelope.data;
  const definition = findEventDefinition(type, version);
  if (!definition) {
    return isKnownEventType(type) ? { kind: 'unknown-version', type, version } : { kind: 'unknown-type', type, version };
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    return {
      kind: 'malformed',
      reason: `${type} v${version} payload: ${payload.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    };
  }
  return { kind: 'event', event: { ...envelope.data, payload: payload.data } };
}
