import { Migration } from '@mikro-orm/migrations';

export class Migration20261129150505_rectifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "evaluations"."rectification" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "center_id" uuid not null, "evaluation_id" uuid not null, "status" text not null default 'rectifying', "started_on" date not null, "deadline_id" uuid not null, "rectified" text not null default '', "evidence" jsonb not null, "draw_seed" text null, "draw_pool" jsonb null, "drawn_on" date null, "experts" jsonb not null, "expert_user_ids" jsonb not null, "passed" boolean null, "decision_reason" text null, "decided_on" date null, "updated_at" timestamptz not null, constraint "rectification_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "rectification_center_id_index" on "evaluations"."rectification" ("center_id");`);
    this.addSql(
      `alter table "evaluations"."rectification" add constraint "rectification_evaluation_id_unique" unique ("evaluation_id");`,
    );
    this.addSql(`create index "rectification_status_index" on "evaluations"."rectification" ("status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluations"."rectification" cascade;`);
  }
}
