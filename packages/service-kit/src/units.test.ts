import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { createTokenVerifier, InvalidTokenError, signToken } from './auth.js';
import { DomainError } from './errors.js';
import { decodeCursor, encodeCursor, pageSize } from './pagination.js';
import { mergeResolvers } from './resolvers.js';
import { isSchemaOnlyOperation } from './subgraph.js';

const SECRET = 'a-secret-for-unit-tests-only';

describe('pagination', () => {
  it('defaults to 20 and caps any page at 100', () => {
    assert.equal(pageSize(undefined), 20);
    assert.equal(pageSize(null), 20);
    assert.equal(pageSize(0), 0);
    assert.equal(pageSize(100_000), 100);
  });

  it('refuses a negative or fractional page size as BAD_USER_INPUT on first', () => {
    for (const first of [-1, 2.5]) {
      assert.throws(() => pageSize(first), (error: unknown) => error instanceof DomainError && error.code === 'BAD_USER_INPUT' && error.field === 'first');
    }
  });

  it('round-trips a cursor and refuses one it did not issue', () => {
    const position = { sortValue: '2025-01-01T00:00:00.000Z', id: randomUUID() };
    assert.deepEqual(decodeCursor(encodeCursor(position)), position);
    assert.throws(() => decodeCursor('bm90IGEgY3Vyc29y'), (error: unknown) => error instanceof DomainError && error.field === 'after');
  });
});

describe('resolver maps', () => {
  it('merges maps type by type and refuses a field defined twice', () => {
    const merged = mergeResolvers({ Query: { a: () => 1 } }, { Query: { b: () => 2 }, Customer: { c: () => 3 } });
    assert.deepEqual(Object.keys(merged['Query'] as object), ['a', 'b']);
    assert.throws(() => mergeResolvers({ Query: { a: () => 1 } }, { Query: { a: () => 2 } }), /Query\.a is defined twice/);
  });
});

describe('schema-only operations', () => {
  it('lets only `_service { sdl }` (and __typename) through without a token', () => {
    assert.equal(isSchemaOnlyOperation('{ _service { sdl } }'), true);
    assert.equal(isSchemaOnlyOperation('query { __typename _service { sdl } }'), true);
    assert.equal(isSchemaOnlyOperation('{ _service { sdl } customers { totalCount } }'), false);
    assert.equal(isSchemaOnlyOperation('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }'), false);
    assert.equal(isSchemaOnlyOperation('mutation { _service { sdl } }'), false);
    assert.equal(isSchemaOnlyOperation('{ not valid'), false);
    assert.equal(isSchemaOnlyOperation(undefined), false);
  });
});

describe('token verification', () => {
  const verify = createTokenVerifier({ secret: SECRET });
  const auth = { memberId: randomUUID(), tenantId: randomUUID(), roles: ['sales', 'support'] as const };

  it('reads member, tenant and roles from a valid token', async () => {
    assert.deepEqual(await verify(await signToken(SECRET, { ...auth, roles: [...auth.roles] })), { ...auth, roles: ['sales', 'support'] });
  });

  it('refuses a token signed with another key, for another audience or issuer, or expired', async () => {
    const cases = [
      await signToken('another-secret-of-enough-length', { ...auth, roles: [] }),
      await signToken(SECRET, { ...auth, roles: [] }, { audience: 'someone-else' }),
      await signToken(SECRET, { ...auth, roles: [] }, { issuer: 'someone-else' }),
      await new SignJWT({ tenant: auth.tenantId, roles: [] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(auth.memberId)
        .setIssuer('rapport')
        .setAudience('rapport-graph')
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(new TextEncoder().encode(SECRET)),
    ];
    for (const token of cases) await assert.rejects(verify(token), InvalidTokenError);
  });

  it('refuses a token whose tenant is not a UUID or whose roles are unknown', async () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('m').setIssuer('rapport').setAudience('rapport-graph').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    await assert.rejects(verify(await sign({ tenant: 'acme', roles: [] })), InvalidTokenError);
    await assert.rejects(verify(await sign({ tenant: randomUUID(), roles: ['wizard'] })), InvalidTokenError);
  });
});
