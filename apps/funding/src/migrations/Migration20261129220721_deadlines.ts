import { Migration } from '@mikro-orm/migrations';

export class Migration20261129220721_deadlines extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "funding"."calendar_year" ("year" int not null, "holidays" jsonb not null, "workdays" jsonb not null, "loaded_at" timestamptz not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "funding"."deadline" ("id" uuid not null, "kind" text not null, "subject_id" uuid not null, "center_id" uuid null, "start_on" date not null, "length" jsonb not null, "due_on" date not null, "provisional" boolean not null, "reminder_days_before" jsonb not null, "state" text not null default 'pending', "fired_at" timestamptz null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, constraint "deadline_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "deadline_state_due_on_index" on "funding"."deadline" ("state", "due_on");`);

    this.addSql(
      `create table "funding"."deadline_reminder" ("deadline_id" uuid not null, "days_before" int not null, "remind_on" date not null, "sent_at" timestamptz null, constraint "deadline_reminder_pkey" primary key ("deadline_id", "days_before"));`,
    );
    this.addSql(
      `create index "deadline_reminder_sent_at_remind_on_index" on "funding"."deadline_reminder" ("sent_at", "remind_on");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "funding"."calendar_year" cascade;`);

    this.addSql(`drop table if exists "funding"."deadline" cascade;`);

    this.addSql(`drop table if exists "funding"."deadline_reminder" cascade;`);
  }
}
