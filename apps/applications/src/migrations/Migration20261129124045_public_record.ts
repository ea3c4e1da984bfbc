import { Migration } from '@mikro-orm/migrations';

// Issue 11, the public record: announcements (公告) of approvals, revocations and evaluation results, written
// from the events that report them and keyed by the event's id (a redelivery adds nothing). The directory's
// last grade is read from the evaluation results here, so the center table is left alone.
export class Migration20261129124045_public_record extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "applications"."announcement" ("id" uuid not null, "kind" text not null, "center_id" uuid not null, "center_name_zh" text not null, "center_name_en" text not null, "title" text not null, "announced_on" text not null, "year" int not null, "details" jsonb not null, constraint "announcement_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "announcement_center_id_index" on "applications"."announcement" ("center_id");`);
    this.addSql(`create index "announcement_kind_year_index" on "applications"."announcement" ("kind", "year");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "applications"."announcement" cascade;`);
  }
}
