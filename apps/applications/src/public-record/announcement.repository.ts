import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';

import type { AnnouncementKind } from '@tic/contracts';
import type { Grade } from '@tic/domain';

import type { Announcement } from './announcement.entity';

export interface AnnouncementFilter {
  readonly kind?: AnnouncementKind;
  readonly year?: number;
  readonly cursor?: string;
}

/** Announcements: public, so no caller scope. */
export class AnnouncementRepository extends EntityRepository<Announcement> {
  /** One page matching `filter`, newest first (ids are the events' UUID v7). */
  page(filter: AnnouncementFilter, limit: number): Promise<Announcement[]> {
    const where: FilterQuery<Announcement> = {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.year ? { year: filter.year } : {}),
      ...(filter.cursor ? { id: { $lt: filter.cursor } } : {}),
    };
    return this.find(where, { orderBy: { id: 'desc' }, limit: limit + 1 });
  }

  /** The grade of each center's last evaluation result (A28–A30), by center. */
  async lastGrades(centerIds: readonly string[]): Promise<Map<string, { grade: Grade; gradedOn: string }>> {
    if (centerIds.length === 0) return new Map();
    const rows = await this.find(
      { kind: 'evaluation_result', centerId: { $in: [...centerIds] } },
      { orderBy: { announcedOn: 'asc', id: 'asc' } },
    );
    // Ascending, so the last result of a center overwrites the earlier ones.
    return new Map(
      rows.map((row) => [row.centerId, { grade: row.details.grade as Grade, gradedOn: row.announcedOn }] as const),
    );
  }
}
