import { parseEnv, runService } from '@rapport/service-kit';
import { analyticsEnvironmentSchema } from './modules/churn-risk/churn-risk.triggers.js';
import { createAnalyticsService } from './service.js';

const { CHURN_SWEEP_INTERVAL_MS, CHURN_CATCH_UP_LAG } = parseEnv(analyticsEnvironmentSchema, process.env);
await runService(createAnalyticsService({ churnSweepIntervalMs: CHURN_SWEEP_INTERVAL_MS, churnCatchUpLag: CHURN_CATCH_UP_LAG }));
