import { Migration } from '@mikro-orm/migrations';

export class Migration20261129152250_major_achievements extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "evaluations"."major_achievement" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "center_id" uuid not null, "title" text not null, "description" text not null, "achieved_on" date not null, "reported_on" date not null, "reported_by" text not null, constraint "major_achievement_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "major_achievement_center_id_index" on "evaluations"."major_achievement" ("center_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluations"."major_achievement" cascade;`);
  }
}
