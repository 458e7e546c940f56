import { randomUUID } from 'node:crypto';
import { badInput, requireRole, withTenant, type AuthContext, type TenantScope } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import type { UpsertFieldDefinitionInput } from '../../generated/graphql.js';
import { ADMINS, READERS } from '../../roles.js';
import { FieldDefinitionEntity, type FieldDefinitionRow } from './field-definition.entity.js';
import { toFieldDefinitionModel, type FieldDefinitionModel } from './field-definition.model.js';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** The tenant's custom fields: few, each with an owning team (seed 004). */
export class FieldDefinitionService {
  constructor(private readonly dataSource: DataSource) {}

  /** Upserts by name, so that clients can declare their fields idempotently. */
  async upsert(auth: AuthContext, input: UpsertFieldDefinitionInput): Promise<FieldDefinitionModel> {
    requireRole(auth, ADMINS);
    const name = input.name.trim();
    if (!FIELD_NAME.test(name)) throw badInput('name', 'name must start with a letter and hold only letters, digits and _');
    const owningTeam = input.owningTeam.trim();
    if (owningTeam === '') throw badInput('owningTeam', 'owningTeam must not be empty');
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const definitions = scope.repository(FieldDefinitionEntity);
      const now = new Date();
      const existing = await definitions.findOneBy({ name });
      const row =
        existing ??
        definitions.create({ id: randomUUID(), name, type: input.type, owningTeam, required: false, createdAt: now, updatedAt: now });
      row.type = input.type;
      row.owningTeam = owningTeam;
      row.required = input.required ?? existing?.required ?? false;
      row.updatedAt = now;
      return toFieldDefinitionModel(await definitions.save(row));
    });
  }

  async list(auth: AuthContext): Promise<FieldDefinitionModel[]> {
    requireRole(auth, READERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (await definitionsOf(scope)).map(toFieldDefinitionModel),
    );
  }
}

/** The definitions of the scope's tenant, for the services that validate or measure custom fields. */
export function definitionsOf(scope: TenantScope): Promise<FieldDefinitionRow[]> {
  return scope.repository(FieldDefinitionEntity).find({ order: { name: 'ASC' } });
}
