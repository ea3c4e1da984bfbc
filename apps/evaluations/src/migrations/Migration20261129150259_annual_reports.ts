import { Migration } from '@mikro-orm/migrations';

export class Migration20261129150259_annual_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "evaluations"."annual_report" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "center_id" uuid not null, "report_year" int not null, "status" text not null default 'draft', "narrative" text not null default '', "statistics" jsonb null, "deadline_id" uuid null, "submitted_on" date null, "filed_on" date null, "return_comment" text null, "revise_by" date null, "updated_at" timestamptz not null, constraint "annual_report_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "annual_report_center_id_index" on "evaluations"."annual_report" ("center_id");`);
    this.addSql(`create index "annual_report_status_index" on "evaluations"."annual_report" ("status");`);
    this.addSql(
      `alter table "evaluations"."annual_report" add constraint "annual_report_center_id_report_year_unique" unique ("center_id", "report_year");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluations"."annual_report" cascade;`);
  }
}
