import type { Role } from '@rapport/service-kit';

// The contacts rules in one place; `requireRole` always admits `admin` on top of these.
/** Who may write customers, contacts, interactions and tasks. */
export const WRITERS: readonly Role[] = ['sales', 'marketing', 'support'];
/** Who may read anything in contacts. */
export const READERS: readonly Role[] = ['sales', 'marketing', 'support', 'analyst'];
/** Field definitions, erasure and the member directory: admins only. */
export const ADMINS: readonly Role[] = [];
