import type { FieldType } from '../../generated/graphql.js';
import type { FieldDefinitionRow } from './field-definition.entity.js';

export interface FieldDefinitionModel {
  id: string;
  name: string;
  type: FieldType;
  owningTeam: string;
  required: boolean;
}

export function toFieldDefinitionModel(row: FieldDefinitionRow): FieldDefinitionModel {
  return { id: row.id, name: row.name, type: row.type, owningTeam: row.owningTeam, required: row.required };
}
