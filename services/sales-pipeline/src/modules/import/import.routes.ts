import { mountImportRoute, type Subgraph } from '@rapport/service-kit';
import type { SalesContext } from '../../context.js';

/**
 * `POST /imports/orders` (text/csv, `?createCustomers=true`): the gateway streams large files
 * here; the same import code as the mutation writes them batch by batch.
 */
export function mountOrderImportRoute(app: Parameters<typeof mountImportRoute>[0], subgraph: Subgraph<SalesContext>): void {
  mountImportRoute(app, '/imports/orders', subgraph, (context, body, report, request) =>
    context.services.imports.importStream(context.auth, body, { createCustomers: request.query['createCustomers'] === 'true' }, report),
  );
}
