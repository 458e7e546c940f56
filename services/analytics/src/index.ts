import { runService } from '@rapport/service-kit';
import { analyticsService } from './service.js';

await runService(analyticsService);
