import type { FilterQuery } from '@mikro-orm/core';

import type { ResourceFacts, ScopeField, StaffRole } from '@tic/domain';
import { ScopedRepository } from '@tic/platform';

import { Platform } from '../platforms/platform.entity';
import { findFixedPosts, type FixedPost } from '../roster/fixed-posts';
import type { Appointment, AppointmentStatus } from './appointment.entity';

export interface AppointmentFilter {
  readonly platformId?: string;
  readonly personId?: string;
  readonly role?: StaffRole;
  readonly status?: AppointmentStatus;
  readonly cursor?: string;
}

/** Appointments, seen by whoever sees their platform, and the queries A14–A18 need. */
export class AppointmentRepository extends ScopedRepository<Appointment> {
  protected readonly kind = 'appointment';

  async facts(appointment: Appointment): Promise<ResourceFacts> {
    const platform = await this.getEntityManager().findOneOrFail(Platform, { id: appointment.platformId });
    return { ...this.getEntityManager().getRepository(Platform).facts(platform), kind: 'appointment' };
  }

  protected async scopeCondition(field: ScopeField, value: string): Promise<FilterQuery<Appointment>> {
    const platforms = this.getEntityManager().getRepository(Platform);
    const ids = await platforms.visibleIdsWhere(field, value);
    return { platformId: { $in: ids } };
  }

  /**
   * The platform's posts in force today or later: not ended, and not past their end date (a lapsed
   * post counts for nothing, in A14 as in A18).
   */
  async inForce(
    platformId: string,
    today: string,
    statuses: readonly AppointmentStatus[] = ['awaiting_waiver', 'active'],
  ): Promise<Appointment[]> {
    return this.find({
      platformId,
      status: { $in: [...statuses] },
      $or: [{ endsOn: null }, { endsOn: { $gte: today } }],
    });
  }

  /** A person's posts, latest first. */
  ofPerson(personId: string): Promise<Appointment[]> {
    return this.find({ personId }, { orderBy: { startsOn: 'desc' } });
  }

  /** The open posts of these people on a platform (a roster import updates them). */
  openPostsOn(platformId: string, personIds: readonly string[]): Promise<Appointment[]> {
    return this.find({ platformId, personId: { $in: [...personIds] }, status: { $ne: 'ended' } });
  }

  /** The people holding an open post on any of these platforms. */
  async servingPeople(platformIds: readonly string[]): Promise<string[]> {
    const posts = await this.find(
      { platformId: { $in: [...platformIds] }, status: { $ne: 'ended' } },
      { fields: ['personId'] },
    );
    return [...new Set(posts.map((post) => post.personId))];
  }

  /** The platforms on which the person holds an open post. */
  async servingPlatforms(personId: string): Promise<string[]> {
    const posts = await this.find({ personId, status: { $ne: 'ended' } }, { fields: ['platformId'] });
    return [...new Set(posts.map((post) => post.platformId))];
  }

  /** A18: the fixed posts on active platforms of the people with these lookup hashes, in force on `asOf` or later. */
  fixedPosts(hashes: readonly string[], asOf: string): Promise<FixedPost[]> {
    return findFixedPosts(this.getEntityManager(), hashes, asOf);
  }

  /** A page in the given scope, newest first. */
  page(scope: FilterQuery<Appointment>, filter: AppointmentFilter, limit: number): Promise<Appointment[]> {
    return this.find(
      {
        $and: [
          scope,
          filter.platformId ? { platformId: filter.platformId } : {},
          filter.personId ? { personId: filter.personId } : {},
          filter.role ? { role: filter.role } : {},
          filter.status ? { status: filter.status } : {},
          filter.cursor ? { id: { $lt: filter.cursor } } : {},
        ],
      },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
  }
}
