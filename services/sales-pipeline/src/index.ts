import { runService } from '@rapport/service-kit';
import { salesPipelineService } from './service.js';

await runService(salesPipelineService);
