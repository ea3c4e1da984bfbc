import { Migration } from '@mikro-orm/migrations';

export class Migration20261128043140_review_archive extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "applications"."review_archive" ("id" uuid not null, "application_id" uuid not null, "reason" text not null, "snapshot" jsonb not null, "archived_at" timestamptz not null, constraint "review_archive_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "review_archive_application_id_index" on "applications"."review_archive" ("application_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "applications"."review_archive" cascade;`);
  }
}
