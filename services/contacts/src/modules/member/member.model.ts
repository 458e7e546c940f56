import type { MemberRow } from './member.entity.js';

export interface MemberModel {
  id: string;
  name: string;
  email: string;
  team: string | null;
  territories: string[];
  skills: string[];
  available: boolean;
}

export function toMemberModel(row: MemberRow): MemberModel {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    team: row.team,
    territories: row.territories,
    skills: row.skills,
    available: row.available,
  };
}
