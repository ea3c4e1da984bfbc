import type { FilterQuery } from '@mikro-orm/core';

import type { ResourceFacts, ScopeField } from '@tic/domain';
import { ScopedRepository, type Caller } from '@tic/platform';

import { Appointment } from '../appointments/appointment.entity';
import { Platform } from '../platforms/platform.entity';
import { escapeLike } from '../platforms/platform.repository';
import type { Person } from './person.entity';

export interface PersonFilter {
  readonly employerOrgId?: string;
  readonly name?: string;
  /** Only people serving this platform. */
  readonly platformId?: string;
  readonly cursor?: string;
}

/**
 * The people register in the caller's scope: a unit sees those it employs or registered, and
 * whoever sees a platform sees the people serving it (the policy's `servedPlatforms`).
 */
export class PersonRepository extends ScopedRepository<Person> {
  protected readonly kind = 'person';

  async facts(person: Person): Promise<ResourceFacts> {
    const em = this.getEntityManager();
    const platformIds = await em.getRepository(Appointment).servingPlatforms(person.id);
    const platforms =
      platformIds.length === 0 ? [] : await em.getRepository(Platform).find({ id: { $in: platformIds } });
    const platformRepository = em.getRepository(Platform);
    return {
      kind: 'person',
      employerOrgId: person.employerOrgId,
      registeredByOrgId: person.registeredByOrgId,
      servedPlatforms: platforms.map((p) => platformRepository.facts(p)),
    };
  }

  protected scopeCondition(field: ScopeField, value: string): FilterQuery<Person> {
    if (field === 'employerOrgId') return { employerOrgId: value };
    if (field === 'registeredByOrgId') return { registeredByOrgId: value };
    return { id: { $in: [] } };
  }

  /** Those the caller sees on their own, and those serving a platform the caller sees. */
  override async visibleFilter(caller: Caller): Promise<FilterQuery<Person> | null> {
    const own = await super.visibleFilter(caller);
    if (own !== null && Object.keys(own).length === 0) return {};
    const em = this.getEntityManager();
    const platforms = await em.getRepository(Platform).visibleIds(caller);
    if (platforms === 'all') return {};
    const serving = platforms.length === 0 ? [] : await em.getRepository(Appointment).servingPeople(platforms);
    if (own === null && serving.length === 0) return null;
    return { $or: [...(own === null ? [] : [own]), { id: { $in: serving } }] };
  }

  findByIdNumberHash(hash: string): Promise<Person | null> {
    return this.findOne({ idNumberHash: hash });
  }

  findByIdNumberHashes(hashes: readonly string[]): Promise<Person[]> {
    return hashes.length === 0 ? Promise.resolve([]) : this.find({ idNumberHash: { $in: [...hashes] } });
  }

  /** With the encrypted number loaded (DST's audited read). */
  findWithCiphertext(id: string): Promise<Person | null> {
    return this.findOne({ id }, { populate: ['idNumberCiphertext'] });
  }

  /** A page in the given scope, newest first. */
  async page(scope: FilterQuery<Person>, filter: PersonFilter, limit: number): Promise<Person[]> {
    const serving =
      filter.platformId === undefined
        ? undefined
        : await this.getEntityManager().getRepository(Appointment).servingPeople([filter.platformId]);
    return this.find(
      {
        $and: [
          scope,
          filter.employerOrgId ? { employerOrgId: filter.employerOrgId } : {},
          filter.name ? { name: { $ilike: `%${escapeLike(filter.name)}%` } } : {},
          serving === undefined ? {} : { id: { $in: serving } },
          filter.cursor ? { id: { $lt: filter.cursor } } : {},
        ],
      },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
  }
}
