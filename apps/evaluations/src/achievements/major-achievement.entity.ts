import { Entity, EntityRepositoryType, Property } from '@mikro-orm/core';

import { AggregateRoot } from '@tic/platform';

import { MajorAchievementRepository } from './major-achievement.repository';

/** A27: a major achievement of a center (重大科技成果的产出及转化), reported through the supporting unit to DST. */
@Entity({ tableName: 'major_achievement', repository: () => MajorAchievementRepository })
export class MajorAchievementReport extends AggregateRoot {
  [EntityRepositoryType]?: MajorAchievementRepository;

  @Property({ type: 'uuid', index: true })
  centerId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'date' })
  achievedOn!: string;

  @Property({ type: 'date' })
  reportedOn!: string;

  /** The name of the supporting unit's user who reported it (no other personal data). */
  @Property({ type: 'text' })
  reportedBy!: string;
}
