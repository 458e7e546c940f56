import type { BrokerState } from '../broker-state.js';
import type { Message, Schema } from './schema.js';

export interface RequestContext {
  readonly version: number;
  readonly clientId: string;
  readonly clientHost: string;
  readonly broker: BrokerState;
  /** Aborted when the connection closes, so parked requests release their timers and listeners. */
  readonly signal: AbortSignal;
}

/** A response body, or null when the protocol says no response is sent (Produce with acks=0). */
export type HandlerResult = Message | null;

export interface ApiDefinition {
  readonly key: number;
  readonly name: string;
  readonly minVersion: number;
  readonly maxVersion: number;
  readonly request: Schema;
  readonly response: Schema;
  handle(req: Message, ctx: RequestContext): HandlerResult | Promise<HandlerResult>;
}

export function defineApi(def: ApiDefinition): ApiDefinition {
  return def;
}
