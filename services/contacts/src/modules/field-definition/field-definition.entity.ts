import { EntitySchema } from 'typeorm';
import type { FieldType } from '../../generated/graphql.js';

/** A custom field of a tenant's customers. */
export interface FieldDefinitionRow {
  id: string;
  tenantId: string;
  name: string;
  type: FieldType;
  owningTeam: string;
  required: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const FieldDefinitionEntity = new EntitySchema<FieldDefinitionRow>({
  name: 'FieldDefinition',
  tableName: 'field_definitions',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    name: { type: 'text' },
    type: { type: 'text' },
    owningTeam: { name: 'owning_team', type: 'text' },
    required: { type: 'boolean' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});
