import { mountImportRoute, type Subgraph } from '@rapport/service-kit';
import type { ContactsContext } from '../../context.js';

/** `POST /imports/customers` (text/csv): the gateway streams large files here; same code as the mutation. */
export function mountCustomerImportRoute(app: Parameters<typeof mountImportRoute>[0], subgraph: Subgraph<ContactsContext>): void {
  mountImportRoute(app, '/imports/customers', subgraph, (context, body, report) => context.services.imports.importStream(context.auth, body, report));
}
