import type { Role } from '@rapport/service-kit';

// The sales-pipeline rules in one place; `requireRole` always admits `admin` on top of these.
/** Who may write products, orders, payments, pipelines, deals, subscriptions and leads. */
export const WRITERS: readonly Role[] = ['sales'];
/** Who may write campaigns and their spend. */
export const CAMPAIGN_WRITERS: readonly Role[] = ['sales', 'marketing'];
/** Who may read anything in sales-pipeline. */
export const READERS: readonly Role[] = ['sales', 'marketing', 'support', 'analyst'];
