import type { Role } from '@rapport/service-kit';

// The support rules in one place; `requireRole` always admits `admin` on top of these.
/** Who may change tickets, SLA policies and business hours. */
export const WRITERS: readonly Role[] = ['support'];
/** Who may read tickets and policies. */
export const READERS: readonly Role[] = ['sales', 'marketing', 'support', 'analyst'];
/** Who may read what customers and members wrote (descriptions, comments): analysts see aggregates only. */
export const BODY_READERS: readonly Role[] = ['sales', 'marketing', 'support'];
