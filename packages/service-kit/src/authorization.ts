import type { AuthContext, Role } from './auth.js';
import { forbidden } from './errors.js';

/**
 * The one authorisation check every mutation (and every restricted query) makes: the caller
 * needs one of `allowed`; `admin` may always act. Deny by default: an empty list admits admins only.
 * Tenant isolation is not decided here: another tenant's ids are NOT_FOUND, found by the
 * tenant-scoped query, so that FORBIDDEN never confirms that an id exists elsewhere.
 */
export function requireRole(auth: AuthContext, allowed: readonly Role[]): void {
  if (auth.roles.includes('admin')) return;
  if (auth.roles.some((role) => allowed.includes(role))) return;
  throw forbidden(`this action needs one of the roles: ${['admin', ...allowed].join(', ')}`);
}

/** True when `requireRole` would pass; for fields that are hidden rather than refused. */
export function hasRole(auth: AuthContext, allowed: readonly Role[]): boolean {
  return auth.roles.includes('admin') || auth.roles.some((role) => allowed.includes(role));
}
