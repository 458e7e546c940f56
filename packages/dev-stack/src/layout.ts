import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder up whose package.json declares workspaces. */
export function findRepositoryRoot(start = process.cwd()): string {
  let directory = resolve(start);
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error('run this inside the Rapport repository');
    directory = parent;
  }
}

/** What the development stack runs and where; ports stay clear of a local Postgres (5432) or Kafka (9092). */
export const DEV_PORTS = {
  gateway: Number(process.env['GATEWAY_PORT'] ?? 4000),
  postgres: Number(process.env['RAPPORT_POSTGRES_PORT'] ?? 54329),
  kafka: Number(process.env['RAPPORT_KAFKA_PORT'] ?? 19092),
};

export interface SubgraphProcess {
  name: string;
  workspace: string;
  port: number;
  database: string;
  urlVariable: string;
}

// A second stack (the benchmarks') moves all four subgraph ports with one variable.
const SUBGRAPH_PORT_BASE = Number(process.env['RAPPORT_SUBGRAPH_PORT_BASE'] ?? 4000);

export const SUBGRAPHS: SubgraphProcess[] = [
  { name: 'contacts', workspace: 'services/contacts', port: SUBGRAPH_PORT_BASE + 1, database: 'rapport_contacts', urlVariable: 'CONTACTS_URL' },
  { name: 'sales-pipeline', workspace: 'services/sales-pipeline', port: SUBGRAPH_PORT_BASE + 2, database: 'rapport_sales_pipeline', urlVariable: 'SALES_PIPELINE_URL' },
  { name: 'support', workspace: 'services/support', port: SUBGRAPH_PORT_BASE + 3, database: 'rapport_support', urlVariable: 'SUPPORT_URL' },
  { name: 'analytics', workspace: 'services/analytics', port: SUBGRAPH_PORT_BASE + 4, database: 'rapport_analytics', urlVariable: 'ANALYTICS_URL' },
];

/** The stack's data: .data/ unless RAPPORT_DATA_DIR puts it elsewhere (the benchmarks keep their own). */
export function dataDirectory(root: string): string {
  return process.env['RAPPORT_DATA_DIR'] ?? join(root, '.data');
}
