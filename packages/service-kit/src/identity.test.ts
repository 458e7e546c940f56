import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { TEST_IDENTITY_SECRET, TEST_JWT_SECRET } from '@rapport/test-kit';
import {
  createIdentitySigner,
  createIdentityVerifier,
  DEVELOPMENT_IDENTITY_SECRET,
  identitySecretOf,
  InvalidTokenError,
  signToken,
} from './auth.js';

const auth = { memberId: randomUUID(), tenantId: randomUUID(), roles: ['sales' as const] };

describe('gateway identity header', () => {
  it('carries the verified caller from the gateway to a subgraph', async () => {
    const identity = await createIdentitySigner(DEVELOPMENT_IDENTITY_SECRET)(auth);
    assert.deepEqual(await createIdentityVerifier(DEVELOPMENT_IDENTITY_SECRET)(identity), auth);
  });

  it('is not a client token: a valid client token, or an identity signed with another secret, is refused', async () => {
    const verify = createIdentityVerifier(DEVELOPMENT_IDENTITY_SECRET);
    // Even a client token signed with the identity secret fails on issuer and audience.
    await assert.rejects(verify(await signToken(DEVELOPMENT_IDENTITY_SECRET, auth)), InvalidTokenError);
    await assert.rejects(verify(await signToken(TEST_JWT_SECRET, auth)), InvalidTokenError);
    await assert.rejects(verify(await createIdentitySigner('another-identity-secret-of-32-characters')(auth)), InvalidTokenError);
  });

  it('has a development default only with HS256 tokens, the same one test-kit signs with', () => {
    assert.equal(TEST_IDENTITY_SECRET, DEVELOPMENT_IDENTITY_SECRET);
    assert.equal(identitySecretOf({ JWT_SECRET: 'x'.repeat(16) }), DEVELOPMENT_IDENTITY_SECRET);
    assert.equal(identitySecretOf({ GATEWAY_IDENTITY_SECRET: 'y'.repeat(32) }), 'y'.repeat(32));
    assert.throws(() => identitySecretOf({}));
  });
});
