import { Migration } from '@mikro-orm/migrations';

export class Migration20261129153227_evaluation_rounds extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "evaluations"."evaluation_agency" ("org_id" uuid not null, "related_org_ids" jsonb not null, "updated_at" timestamptz not null, constraint "evaluation_agency_pkey" primary key ("org_id"));`,
    );

    this.addSql(
      `create table "evaluations"."evaluation_round" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "name" text not null, "year" int not null, "status" text not null default 'draft', "participate_by" date not null, "indicator_system" jsonb not null, "thresholds" jsonb not null, "excellent_cap_share" double precision null, "tie_break" jsonb not null, "graded_at" timestamptz null, "published_on" date null, constraint "evaluation_round_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "evaluation_round_year_index" on "evaluations"."evaluation_round" ("year");`);
    this.addSql(`create index "evaluation_round_status_index" on "evaluations"."evaluation_round" ("status");`);

    this.addSql(
      `create table "evaluations"."evaluation_round_center" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "round_id" uuid not null, "center_id" uuid not null, "center_name" text not null, "basis" text not null, "added_reason" text null, "status" text not null default 'assigned', "agency_org_id" uuid null, "participate_by" date null, "scores" jsonb not null, "meeting_review" jsonb null, "on_site_inspection" jsonb null, "report" text null, "decline_reason" text null, "total" double precision null, "computed_grade" text null, "grade" text null, "override_reason" text null, "preparation_outcome" text null, "outcome_reason" text null, constraint "evaluation_round_center_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "evaluation_round_center_round_id_index" on "evaluations"."evaluation_round_center" ("round_id");`,
    );
    this.addSql(
      `create index "evaluation_round_center_center_id_index" on "evaluations"."evaluation_round_center" ("center_id");`,
    );
    this.addSql(
      `create index "evaluation_round_center_status_index" on "evaluations"."evaluation_round_center" ("status");`,
    );
    this.addSql(
      `create index "evaluation_round_center_agency_org_id_index" on "evaluations"."evaluation_round_center" ("agency_org_id");`,
    );
    this.addSql(
      `alter table "evaluations"."evaluation_round_center" add constraint "evaluation_round_center_round_id_center_id_unique" unique ("round_id", "center_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluations"."evaluation_agency" cascade;`);

    this.addSql(`drop table if exists "evaluations"."evaluation_round" cascade;`);

    this.addSql(`drop table if exists "evaluations"."evaluation_round_center" cascade;`);
  }
}
