import { createSecretKey } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { TEST_JWT_SECRET } from './tenants.js';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * The gateway's development identity secret (service-kit's DEVELOPMENT_IDENTITY_SECRET; a
 * service-kit test keeps the two equal). Test kit cannot import service-kit, which tests with it.
 */
export const TEST_IDENTITY_SECRET = 'rapport-development-gateway-identity-secret';
const testKey = createSecretKey(Buffer.from(TEST_JWT_SECRET));
const identityKey = createSecretKey(Buffer.from(TEST_IDENTITY_SECRET));

/**
 * The identity header the gateway would send for a test token, or nothing when the token is
 * not a valid test token: a forged or expired token reaches a subgraph with no identity.
 */
export async function identityHeaderFor(token: string): Promise<Record<string, string>> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, testKey, { issuer: 'rapport', audience: 'rapport-graph', algorithms: ['HS256'] }));
  } catch {
    return {};
  }
  const identity = await new SignJWT({ tenant: payload['tenant'], roles: payload['roles'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(payload.sub))
    .setIssuer('rapport-gateway')
    .setAudience('rapport-subgraphs')
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(identityKey);
  return { 'x-rapport-identity': identity };
}

/**
 * Posts a GraphQL operation over real HTTP, as a client would. With a token, it also sends
 * the identity header the gateway would sign for it, so one helper calls the gateway and a
 * subgraph alike; `asGateway: false` sends the bare client token (a direct call).
 */
export async function graphqlRequest<Data = Record<string, any>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string>; asGateway?: boolean } = {},
): Promise<GraphQLResponse<Data>> {
  const identity = options.token && options.asGateway !== false ? await identityHeaderFor(options.token) : {};
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...identity,
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}
