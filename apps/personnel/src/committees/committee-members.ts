import type { EntityManager } from '@mikro-orm/postgresql';

import { Person } from '../people/person.entity';
import type { StoredMember } from './committee.entity';

/**
 * The members as the registry holds them now (DOMAIN.md §3): a member who has moved to another employer
 * counts for that employer's side from the day the registry says so. A member typed before members were
 * named from the registry keeps the organization typed for them.
 */
export async function membersAsRegistered(
  em: EntityManager,
  members: readonly StoredMember[],
): Promise<StoredMember[]> {
  const ids = members.flatMap((m) => (m.personId ? [m.personId] : []));
  const people = new Map(
    ids.length === 0
      ? []
      : (await em.getRepository(Person).find({ id: { $in: ids } }, { fields: ['id', 'name', 'employerOrgId'] })).map(
          (p) => [p.id, p],
        ),
  );
  return members.map((member) => {
    const person = member.personId ? people.get(member.personId) : undefined;
    return person ? { ...member, name: person.name, orgId: person.employerOrgId } : member;
  });
}
