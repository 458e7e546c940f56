import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevIdentity {
  /** HS256 secret of this checkout's development stack; production keys come from the environment. */
  secret: string;
  /** The workspace a new developer lands in. */
  tenantId: string;
  memberId: string;
}

/** Created once per checkout under .data/, so tokens survive restarts and differ between machines. */
export function loadDevIdentity(dataDir: string): DevIdentity {
  const file = join(dataDir, 'dev-identity.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevIdentity;
  mkdirSync(dataDir, { recursive: true });
  const identity: DevIdentity = { secret: randomBytes(32).toString('base64url'), tenantId: randomUUID(), memberId: randomUUID() };
  writeFileSync(file, JSON.stringify(identity, null, 2), { mode: 0o600 });
  return identity;
}
