import { LOG_LEVELS } from '@rapport/service-kit';
import { z } from 'zod';

export const gatewayEnvironmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    CONTACTS_URL: z.url(),
    SALES_PIPELINE_URL: z.url(),
    SUPPORT_URL: z.url(),
    ANALYTICS_URL: z.url(),
    // static: compose the four SDL files in-process at start (production, tests);
    // introspect: compose from the running subgraphs and poll for changes (development).
    SUPERGRAPH_SOURCE: z.enum(['static', 'introspect']).default('static'),
    JWT_SECRET: z.string().min(16).optional(),
    JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    // Signs the caller's identity for the subgraphs, which trust nothing else; must equal theirs.
    GATEWAY_IDENTITY_SECRET: z.string().min(32).optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    // Secure unless told otherwise: production hides introspection and field suggestions.
    NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
    // A JSON manifest of allowed operations; when set, nothing else runs.
    PERSISTED_OPERATIONS_MANIFEST: z.string().min(1).optional(),
    // Operation cost one tenant may spend per second; 0 turns the limit off.
    TENANT_COST_PER_SECOND: z.coerce.number().int().min(0).default(200_000),
    // Only for measuring what the limits cost (bench): off drops limits, cost budget and rate limit.
    GATEWAY_PROTECTIONS: z.enum(['on', 'off']).default('on'),
    // Processes sharing the port (node:cluster); one per core serves about that many times more.
    GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  })
  .refine((env) => env.JWT_SECRET !== undefined || env.JWKS_URL !== undefined, {
    message: 'set JWT_SECRET (development) or JWKS_URL (production)',
    path: ['JWT_SECRET'],
  })
  .refine((env) => env.JWT_SECRET !== undefined || env.GATEWAY_IDENTITY_SECRET !== undefined, {
    message: 'set GATEWAY_IDENTITY_SECRET (the development default applies only with JWT_SECRET)',
    path: ['GATEWAY_IDENTITY_SECRET'],
  });

export type GatewayEnvironment = z.infer<typeof gatewayEnvironmentSchema>;
