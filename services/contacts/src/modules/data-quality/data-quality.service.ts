import { requireRole, withTenant, type AuthContext } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { READERS } from '../../roles.js';
import { findDuplicateGroups } from '../customer/customer-merge.service.js';
import type { CustomerModel } from '../customer/customer.model.js';
import type { FieldDefinitionRow } from '../field-definition/field-definition.entity.js';
import { definitionsOf } from '../field-definition/field-definition.service.js';

export const STALE_AFTER_DAYS = 180;

/** Built-in fields whose fill rate the report shows; their columns are fixed names, never input. */
const BUILT_IN_FIELDS = [
  ['email', 'email'],
  ['domain', 'domain'],
  ['industry', 'industry'],
  ['country', 'country'],
  ['ownerId', 'owner_id'],
  ['source', 'source'],
] as const;

export interface DataQualityModel {
  score: number;
  missingFields: string[];
}

export interface DataQualityReportModel {
  customers: number;
  fillRates: { field: string; owningTeam: string | null; required: boolean; fillRate: number }[];
  staleRecords: number;
  suspectedDuplicates: number;
  averageScore: number;
}

/** One customer's completeness against the required definitions. */
export function dataQualityOf(customer: Pick<CustomerModel, 'customFields'>, definitions: readonly FieldDefinitionRow[]): DataQualityModel {
  const required = definitions.filter((definition) => definition.required);
  if (required.length === 0) return { score: 1, missingFields: [] };
  const missingFields = required
    .filter((definition) => {
      const value = customer.customFields[definition.name];
      return value === undefined || value === null || value === '';
    })
    .map((definition) => `customFields.${definition.name}`);
  return { score: (required.length - missingFields.length) / required.length, missingFields };
}

export class DataQualityService {
  constructor(private readonly dataSource: DataSource) {}

  /** The workspace's field definitions, for per-customer scores (cached per request by the caller). */
  async definitions(auth: AuthContext): Promise<FieldDefinitionRow[]> {
    return withTenant(this.dataSource, auth.tenantId, (scope) => definitionsOf(scope));
  }

  async report(auth: AuthContext): Promise<DataQualityReportModel> {
    requireRole(auth, READERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const definitions = await definitionsOf(scope);
      const required = definitions.filter((definition) => definition.required);
      // One pass over the tenant's customers: a filled count per field, computed in SQL.
      const counts = [
        'count(*)::int AS customers',
        `count(*) FILTER (WHERE updated_at < now() - interval '${STALE_AFTER_DAYS} days')::int AS stale`,
        ...BUILT_IN_FIELDS.map(([, column], index) => `count(${column})::int AS b${index}`),
        ...definitions.map((_definition, index) => `count(*) FILTER (WHERE coalesce(custom_fields ->> $${index + 2}, '') <> '')::int AS c${index}`),
        required.length === 0
          ? '1::float AS average'
          : `coalesce(avg((${required
              .map((definition) => `(CASE WHEN coalesce(custom_fields ->> $${definitions.indexOf(definition) + 2}, '') <> '' THEN 1 ELSE 0 END)`)
              .join(' + ')})::float / ${required.length}), 1)::float AS average`,
      ];
      const [row] = (await scope.manager.query(
        `SELECT ${counts.join(', ')} FROM customers WHERE tenant_id = $1 AND erased_at IS NULL`,
        [scope.tenantId, ...definitions.map((definition) => definition.name)],
      )) as Record<string, number>[];
      const customers = row?.['customers'] ?? 0;
      const rate = (filled: number | undefined) => (customers === 0 ? 0 : (filled ?? 0) / customers);
      const duplicates = await findDuplicateGroups(scope, null);
      return {
        customers,
        fillRates: [
          ...BUILT_IN_FIELDS.map(([field], index) => ({ field, owningTeam: null, required: false, fillRate: rate(row?.[`b${index}`]) })),
          ...definitions.map((definition, index) => ({
            field: `customFields.${definition.name}`,
            owningTeam: definition.owningTeam,
            required: definition.required,
            fillRate: rate(row?.[`c${index}`]),
          })),
        ],
        staleRecords: row?.['stale'] ?? 0,
        suspectedDuplicates: new Set(duplicates.flatMap((group) => group.ids)).size,
        averageScore: customers === 0 ? 1 : (row?.['average'] ?? 1),
      };
    });
  }
}
