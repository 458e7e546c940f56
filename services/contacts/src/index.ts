import { runService } from '@rapport/service-kit';
import { contactsService } from './service.js';

await runService(contactsService);
