import { messagingMigrations } from '@rapport/messaging';
import { CreateAuditLog1764400000000 } from '@rapport/service-kit';
import { CreateCustomerMetrics1732300000000 } from './1732300000000-create-customer-metrics.js';
import { CreateCustomerReadModel1732300000300 } from './1732300000300-create-customer-read-model.js';
import { CreateKpiReadModels1732300000400 } from './1732300000400-create-kpi-read-models.js';
import { OrderRollupContributions1732300000410 } from './1732300000410-order-rollup-contributions.js';
import { CreateClvModels1732300000700 } from './1732300000700-create-clv-models.js';
import { CreateCustomerAliases1732300000710 } from './1732300000710-create-customer-aliases.js';
import { ChurnRisk1732300000800 } from './1732300000800-churn-risk.js';
import { KpiRollups1732300000900 } from './1732300000900-kpi-rollups.js';
import { KpiRollupsByKey1732300000910 } from './1732300000910-kpi-rollups-by-key.js';
import { ChurnRescoreBacklog1732300001000 } from './1732300001000-churn-rescore-backlog.js';

/** Every migration of this service, oldest first. */
export const migrations = [CreateCustomerMetrics1732300000000, ...messagingMigrations, CreateAuditLog1764400000000, CreateCustomerReadModel1732300000300, CreateKpiReadModels1732300000400, OrderRollupContributions1732300000410, CreateClvModels1732300000700, CreateCustomerAliases1732300000710, ChurnRisk1732300000800, KpiRollups1732300000900, KpiRollupsByKey1732300000910, ChurnRescoreBacklog1732300001000];
