import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { EmailSettingsDto } from '@tic/contracts';

/** One organization's email choices (DOMAIN.md §7): which kinds also go by email, where, in which language. */
@Entity({ tableName: 'email_settings' })
export class EmailSettings {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text[]' })
  kinds!: string[];

  @Property({ type: 'text[]' })
  addresses!: string[];

  @Property({ type: 'text' })
  language!: EmailSettingsDto['language'];

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
