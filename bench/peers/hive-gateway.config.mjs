// Hive Gateway configured for our graph: the client's token verified and the caller forwarded
// as the signed identity header, as our gateway does. Plain JavaScript, so the hive-gateway CLI
// loads it without a TypeScript loader. The planner (JS or Rust) is chosen on the command line.
import { createSecretKey } from 'node:crypto';
import { defineConfig } from '@graphql-hive/gateway';
import { jwtVerify, SignJWT } from 'jose';

const tokenKey = createSecretKey(Buffer.from(process.env.JWT_SECRET));
const identityKey = createSecretKey(Buffer.from('rapport-development-gateway-identity-secret'));
const identities = new WeakMap();

async function identityFor(request) {
  const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
  const { payload } = await jwtVerify(token, tokenKey, { issuer: 'rapport', audience: 'rapport-graph', algorithms: ['HS256'] });
  return new SignJWT({ tenant: payload.tenant, roles: payload.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(payload.sub))
    .setIssuer('rapport-gateway')
    .setAudience('rapport-subgraphs')
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(identityKey);
}

export const gatewayConfig = defineConfig({
  logging: 'error',
  propagateHeaders: {
    // Once per client request, shared by its subgraph calls.
    fromClientToSubgraphs: async ({ request }) => {
      let identity = identities.get(request);
      if (!identity) {
        identity = identityFor(request);
        identities.set(request, identity);
      }
      return { 'x-rapport-identity': await identity };
    },
  },
});
