import { Entity, PrimaryKey } from '@mikro-orm/core';

/** An application listed in a public notice. */
@Entity({ tableName: 'notice_entry' })
export class NoticeEntry {
  @PrimaryKey({ type: 'uuid' })
  noticeId!: string;

  @PrimaryKey({ type: 'uuid' })
  applicationId!: string;
}
