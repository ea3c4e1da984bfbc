import { Migration } from '@mikro-orm/migrations';

export class Migration20261129184852_feed_cursor extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notifications"."feed_cursor" ("stream" text not null, "last_sequence" bigint not null, "stream_created" text not null, constraint "feed_cursor_pkey" primary key ("stream"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."feed_cursor" cascade;`);
  }
}
