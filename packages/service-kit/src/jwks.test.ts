import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createTokenVerifier, InvalidTokenError } from './auth.js';

// An identity provider in miniature: a key pair and its public half served as a JWKS.
let server: Server;
let jwksUrl: string;
let privateKey: CryptoKey;
const auth = { memberId: randomUUID(), tenantId: randomUUID(), roles: ['analyst' as const] };

before(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});
after(() => server.close());

const sign = (options: { issuer?: string; audience?: string; expires?: string | number; key?: CryptoKey } = {}) =>
  new SignJWT({ tenant: auth.tenantId, roles: auth.roles })
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
    .setSubject(auth.memberId)
    .setIssuer(options.issuer ?? 'https://id.example')
    .setAudience(options.audience ?? 'rapport-graph')
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '5m')
    .sign(options.key ?? privateKey);

describe('production tokens from a JWKS', () => {
  const verify = () => createTokenVerifier({ jwksUrl, issuer: 'https://id.example', audience: 'rapport-graph' });

  it('accepts a token signed by a key of the set, with the expected issuer and audience', async () => {
    assert.deepEqual(await verify()(await sign()), auth);
  });

  it('refuses another issuer, another audience, an expired token and a key outside the set', async () => {
    const stranger = (await generateKeyPair('RS256')).privateKey;
    const cases = [
      await sign({ issuer: 'https://evil.example' }),
      await sign({ audience: 'another-api' }),
      await sign({ expires: Math.floor(Date.now() / 1000) - 60 }),
      await sign({ key: stranger }),
    ];
    for (const token of cases) await assert.rejects(verify()(token), InvalidTokenError);
  });
});
