import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Variables every subgraph reads. A service extends this with its own and calls
 * `parseEnv` once, in its entry point: factories take the parsed object, so tests
 * never depend on process.env.
 */
export const serviceEnvironmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535),
    // Loopback by default: subgraphs are reached through the gateway, not directly.
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    JWT_SECRET: z.string().min(16).optional(),
    JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    // Verifies the identity header the gateway signs; must equal the gateway's.
    GATEWAY_IDENTITY_SECRET: z.string().min(32).optional(),
    // Optional: the runtime pool connects with this URL (a login role without BYPASSRLS)
    // instead of switching DATABASE_URL's connections to the rapport_app role.
    APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    KAFKA_BROKERS: z.string().min(1).optional(),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  })
  .refine((env) => env.JWT_SECRET !== undefined || env.JWKS_URL !== undefined, {
    message: 'set JWT_SECRET (development) or JWKS_URL (production)',
    path: ['JWT_SECRET'],
  })
  .refine((env) => env.JWT_SECRET !== undefined || env.GATEWAY_IDENTITY_SECRET !== undefined, {
    message: 'set GATEWAY_IDENTITY_SECRET (the development default applies only with JWT_SECRET)',
    path: ['GATEWAY_IDENTITY_SECRET'],
  });

export type ServiceEnvironment = z.infer<typeof serviceEnvironmentSchema>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Parses a variable source against a schema, reporting every problem at once. */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.infer<Schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigurationError(problems);
}
