import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

/** The HS256 secret every test process shares; never used outside tests. */
export const TEST_JWT_SECRET = 'rapport-test-secret-not-for-production';

export type TestRole = 'admin' | 'sales' | 'support' | 'marketing' | 'analyst';

export interface TestTenant {
  tenantId: string;
  memberId: string;
  /** A token for this tenant with the given roles (admin when omitted). */
  token(roles?: TestRole[]): Promise<string>;
}

/** A fresh tenant per test, so that tests never see each other's data. */
export function createTestTenant(): TestTenant {
  const tenantId = randomUUID();
  const memberId = randomUUID();
  return {
    tenantId,
    memberId,
    token: (roles = ['admin']) =>
      new SignJWT({ tenant: tenantId, roles })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(memberId)
        .setIssuer('rapport')
        .setAudience('rapport-graph')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(TEST_JWT_SECRET)),
  };
}
