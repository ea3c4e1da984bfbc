import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';

import type { UsageQuota } from './quota-window';
import { UsageWindowRepository } from './usage-window.repository';

/** What one user spent of one quota on one day (Asia/Shanghai); past days stay as the record of volume until PERSONNEL_QUOTA_RETENTION_DAYS. */
@Entity({ tableName: 'usage_window', repository: () => UsageWindowRepository })
export class UsageWindow {
  [EntityRepositoryType]?: UsageWindowRepository;

  /** The token's subject: limits follow the person signed in, not their organization. */
  @PrimaryKey({ type: 'text' })
  userId!: string;

  @PrimaryKey({ type: 'text' })
  quota!: UsageQuota;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'integer' })
  used!: number;

  @Property({ type: 'timestamptz' })
  lastUsedAt!: Date;
}
