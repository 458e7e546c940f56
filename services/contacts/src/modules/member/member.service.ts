import { randomUUID } from 'node:crypto';
import { badInput, isUuid, notFound, requireRole, withTenant, type AuthContext } from '@rapport/service-kit';
import { MemberUpsertedV1 } from '@rapport/events';
import { recordEvent } from '@rapport/messaging';
import type { DataSource } from 'typeorm';
import type { UpsertMemberInput } from '../../generated/graphql.js';
import { ADMINS, READERS } from '../../roles.js';
import { CONTACTS_PRODUCER } from '../customer/customer.service.js';
import { normaliseEmail, normaliseTags, optionalText, requireText } from '../customer/customer.validation.js';
import { MemberEntity } from './member.entity.js';
import { toMemberModel, type MemberModel } from './member.model.js';

export class MemberService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * With an id, changes that member (another tenant's id is NOT_FOUND); without one, the
   * member with that email, or a new one. Fields left out keep their values.
   */
  async upsert(auth: AuthContext, input: UpsertMemberInput): Promise<MemberModel> {
    requireRole(auth, ADMINS);
    const name = requireText(input.name, 'name');
    const email = normaliseEmail(input.email);
    if (email === null) throw badInput('email', 'email must not be empty');
    const team = input.team === undefined ? undefined : optionalText(input.team, 'team');
    const territories = input.territories === undefined ? undefined : normaliseTags(input.territories).map((t) => t.toUpperCase());
    const skills = input.skills === undefined ? undefined : normaliseTags(input.skills);
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const members = scope.repository(MemberEntity);
      const now = new Date();
      let member;
      if (input.id !== null && input.id !== undefined) {
        member = isUuid(input.id) ? await members.findById(input.id) : null;
        if (!member) throw notFound('member', input.id);
      } else {
        member = await members.findOneBy({ email });
      }
      const clash = await members.findOneBy({ email });
      if (clash && clash.id !== member?.id) throw badInput('email', 'another member has this email');
      member ??= members.create({
        id: randomUUID(),
        name,
        email,
        team: null,
        territories: [],
        skills: [],
        available: true,
        createdAt: now,
        updatedAt: now,
      });
      member.name = name;
      member.email = email;
      if (team !== undefined) member.team = team;
      if (territories !== undefined) member.territories = territories;
      if (skills !== undefined) member.skills = skills;
      if (input.available !== undefined && input.available !== null) member.available = input.available;
      member.updatedAt = now;
      const saved = await members.save(member);
      // Sales-pipeline routes leads with a copy of this directory; the email stays here.
      await recordEvent(scope.manager, CONTACTS_PRODUCER, MemberUpsertedV1, {
        tenantId: scope.tenantId,
        customerId: saved.id,
        payload: {
          memberId: saved.id,
          name: saved.name,
          team: saved.team,
          territories: [...saved.territories],
          skills: [...saved.skills],
          available: saved.available,
          updatedAt: now.toISOString(),
        },
        occurredAt: now,
      });
      return toMemberModel(saved);
    });
  }

  async list(auth: AuthContext): Promise<MemberModel[]> {
    requireRole(auth, READERS);
    return withTenant(this.dataSource, auth.tenantId, async (scope) =>
      (await scope.repository(MemberEntity).find({ order: { name: 'ASC', id: 'ASC' } })).map(toMemberModel),
    );
  }
}
