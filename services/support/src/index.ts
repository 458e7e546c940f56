import { runService } from '@rapport/service-kit';
import { supportService } from './service.js';

await runService(supportService);
