import { Entity, EntityRepositoryType, Index, PrimaryKey, Property } from '@mikro-orm/core';

import type { AnnouncementKind } from '@tic/contracts';

import { AnnouncementRepository } from './announcement.repository';

/**
 * An announcement (公告) of the public record: an approval (A13), a revocation (A31) or an evaluation
 * result (A28–A30). Written from the event that reports it, keyed by that event's id, so a redelivery
 * finds it there and adds nothing.
 */
@Entity({ tableName: 'announcement', repository: () => AnnouncementRepository })
@Index({ properties: ['kind', 'year'] })
@Index({ properties: ['centerId'] })
export class Announcement {
  [EntityRepositoryType]?: AnnouncementRepository;

  /** The id of the event it announces (UUID v7, so announcements sort by when they happened). */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  kind!: AnnouncementKind;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text' })
  centerNameZh!: string;

  @Property({ type: 'text' })
  centerNameEn!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  announcedOn!: string;

  /** The year of announcedOn, for the list's filter. */
  @Property({ type: 'integer' })
  year!: number;

  /** What the kind announces (AnnouncementDto['details']): public facts only. */
  @Property({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
