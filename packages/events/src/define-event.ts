import type { z } from 'zod';

/** A versioned event contract: its wire name, topic, who writes and reads it, and its payload schema. */
export interface EventDefinition<Type extends string = string, Payload extends z.ZodType = z.ZodType> {
  type: Type;
  version: number;
  topic: string;
  producer: string;
  consumers: string[];
  description: string;
  payload: Payload;
}

export type PayloadOf<Definition extends EventDefinition> = z.infer<Definition['payload']>;

export function defineEvent<Type extends string, Payload extends z.ZodType>(
  definition: EventDefinition<Type, Payload>,
): EventDefinition<Type, Payload> {
  return definition;
}
