import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A29 回避: the organizations an agency declared itself related to. The agency declares them (it knows its
 * own shareholders and clients; DST reads them), and is never entrusted with a center of one of them.
 */
@Entity({ tableName: 'evaluation_agency' })
export class EvaluationAgency {
  [OptionalProps]?: 'relatedOrgIds' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'jsonb' })
  relatedOrgIds: string[] = [];

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
