import { Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { CallRepository } from './call.repository';

/** A11: an annual call for applications and its submission window (both days included). */
@Entity({ tableName: 'call', repository: () => CallRepository })
export class Call {
  [EntityRepositoryType]?: CallRepository;

  [OptionalProps]?: 'version' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'integer', index: true })
  year!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  opensOn!: string;

  @Property({ type: 'text' })
  closesOn!: string;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Whether the window is open on the given day. */
  isOpenOn(date: string): boolean {
    return date >= this.opensOn && date <= this.closesOn;
  }
}
