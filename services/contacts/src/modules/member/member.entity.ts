import { EntitySchema } from 'typeorm';

/** A member of the workspace's team directory. */
export interface MemberRow {
  id: string;
  tenantId: string;
  name: string;
  email: string;
  team: string | null;
  territories: string[];
  skills: string[];
  available: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const MemberEntity = new EntitySchema<MemberRow>({
  name: 'Member',
  tableName: 'members',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    name: { type: 'text' },
    email: { type: 'text' },
    team: { type: 'text', nullable: true },
    territories: { type: 'text', array: true },
    skills: { type: 'text', array: true },
    available: { type: 'boolean' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});
