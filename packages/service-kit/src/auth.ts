import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

export const ROLES = ['admin', 'sales', 'support', 'marketing', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: a member of one tenant (workspace), with roles. */
export interface AuthContext {
  memberId: string;
  tenantId: string;
  roles: readonly Role[];
}

export const DEFAULT_TOKEN_ISSUER = 'rapport';
export const DEFAULT_TOKEN_AUDIENCE = 'rapport-graph';

const claimsSchema = z.object({
  sub: z.string().min(1),
  tenant: z.uuid(),
  roles: z.array(z.enum(ROLES)),
});

export interface TokenVerifierOptions {
  /** HS256 shared secret (development). */
  secret?: string | undefined;
  /** JSON Web Key Set URL (production). */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

export type TokenVerifier = (token: string) => Promise<AuthContext>;

/** Verifies a bearer JWT (signature, issuer, audience, expiry) and reads the Rapport claims. */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const issuer = options.issuer ?? DEFAULT_TOKEN_ISSUER;
  const audience = options.audience ?? DEFAULT_TOKEN_AUDIENCE;
  let key: KeyObject | JWTVerifyGetKey;
  if (options.jwksUrl) key = createRemoteJWKSet(new URL(options.jwksUrl));
  // A key object built once: from raw bytes, jose would import the key on every request.
  else if (options.secret) key = createSecretKey(Buffer.from(options.secret));
  else throw new Error('a token verifier needs a secret or a JWKS URL');

  return async (token) => {
    let payload: unknown;
    try {
      const verified =
        typeof key !== 'function'
          ? await jwtVerify(token, key, { issuer, audience, algorithms: ['HS256'] })
          : await jwtVerify(token, key, { issuer, audience });
      payload = verified.payload;
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError('token lacks the sub, tenant or roles claims');
    return { memberId: claims.data.sub, tenantId: claims.data.tenant, roles: claims.data.roles };
  };
}

/** Signs a development token. Production tokens come from the identity provider. */
export async function signToken(
  secret: string,
  auth: AuthContext,
  options: { expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  return new SignJWT({ tenant: auth.tenantId, roles: [...auth.roles] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(auth.memberId)
    .setIssuer(options.issuer ?? DEFAULT_TOKEN_ISSUER)
    .setAudience(options.audience ?? DEFAULT_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(secret));
}

/** Reads the token from an `Authorization: Bearer <jwt>` header value. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/**
 * The header in which the gateway forwards the caller it verified. Subgraphs take identity
 * from this header only, never from the client's token, so a subgraph reached directly
 * (bypassing the gateway's limits) answers nothing but the schema.
 */
export const IDENTITY_HEADER = 'x-rapport-identity';
export const IDENTITY_ISSUER = 'rapport-gateway';
export const IDENTITY_AUDIENCE = 'rapport-subgraphs';
/** Long enough for one request's subgraph calls, short enough that a captured header is soon useless. */
export const IDENTITY_LIFETIME = '60s';
/**
 * Used when GATEWAY_IDENTITY_SECRET is not set and tokens are HS256 (development, tests).
 * With JWKS (production) the secret is required. test-kit signs with the same value.
 */
export const DEVELOPMENT_IDENTITY_SECRET = 'rapport-development-gateway-identity-secret';

export type IdentitySigner = (auth: AuthContext) => Promise<string>;

/** Signs the gateway's identity header: a short-lived HS256 JWT with the verified claims. */
export function createIdentitySigner(secret: string): IdentitySigner {
  const key = createSecretKey(Buffer.from(secret));
  return (auth) =>
    new SignJWT({ tenant: auth.tenantId, roles: [...auth.roles] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(auth.memberId)
      .setIssuer(IDENTITY_ISSUER)
      .setAudience(IDENTITY_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(IDENTITY_LIFETIME)
      .sign(key);
}

/** Verifies the gateway's identity header; a client token (other issuer and audience) fails. */
export function createIdentityVerifier(secret: string): TokenVerifier {
  return createTokenVerifier({ secret, issuer: IDENTITY_ISSUER, audience: IDENTITY_AUDIENCE });
}

/** The identity secret of a configuration: the variable, or the development default when tokens are HS256. */
export function identitySecretOf(environment: { GATEWAY_IDENTITY_SECRET?: string | undefined; JWT_SECRET?: string | undefined }): string {
  if (environment.GATEWAY_IDENTITY_SECRET) return environment.GATEWAY_IDENTITY_SECRET;
  if (environment.JWT_SECRET) return DEVELOPMENT_IDENTITY_SECRET;
  throw new Error('set GATEWAY_IDENTITY_SECRET: with JWKS_URL there is no development default');
}
