import { z } from 'zod';

/** Every event travels in this envelope; `payload` is validated per type and version. */
export const envelopeSchema = z.object({
  /** Unique per event: consumers de-duplicate on it. */
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  tenantId: z.uuid(),
  /** The partition key: one customer's events stay in order. */
  customerId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  /** The service that wrote it. */
  producer: z.string().min(1),
  payload: z.unknown(),
});

export type EventEnvelope<Payload = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: Payload };
