import type { RequestContext, ServiceDependencies } from '@rapport/service-kit';
import { createSatisfactionLoader } from './modules/satisfaction/satisfaction.loader.js';
import { SatisfactionService } from './modules/satisfaction/satisfaction.service.js';

export interface SupportContext extends RequestContext {
  loaders: { satisfaction: ReturnType<typeof createSatisfactionLoader> };
}

export function createSupportContext(base: RequestContext, dependencies: ServiceDependencies): SupportContext {
  const satisfaction = new SatisfactionService(dependencies.dataSource);
  return { ...base, loaders: { satisfaction: createSatisfactionLoader(satisfaction, () => base.auth) } };
}
