import { Migration } from '@mikro-orm/migrations';

export class Migration20261128051821_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "personnel";`);
    this.addSql(
      `create table "personnel"."appointment" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "person_id" uuid not null, "platform_id" uuid not null, "role" text not null, "kind" text not null, "status" text not null, "starts_on" date not null, "ends_on" date null, "agreement" jsonb null, "findings" jsonb not null, "waivers" jsonb not null, "director_filing" jsonb null, constraint "appointment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "appointment_platform_id_status_index" on "personnel"."appointment" ("platform_id", "status");`,
    );
    this.addSql(
      `create index "appointment_fixed_posts_idx" on "personnel"."appointment" ("person_id") include ("platform_id", "starts_on", "role") where "kind" = 'fixed' and "status" <> 'ended';`,
    );

    this.addSql(
      `create table "personnel"."calendar_year" ("year" int not null, "holidays" jsonb not null, "workdays" jsonb not null, "loaded_at" timestamptz not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "personnel"."center_waiver" ("id" uuid not null, "platform_id" uuid not null, "rule" text not null, "reason" text not null, "recorded_by" text not null, "recorded_at" timestamptz not null, constraint "center_waiver_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "personnel"."center_waiver" add constraint "center_waiver_platform_id_rule_unique" unique ("platform_id", "rule");`,
    );

    this.addSql(
      `create table "personnel"."committee" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "platform_id" uuid not null, "kind" text not null, "term_starts_on" date not null, "term_ends_on" date not null, "members" jsonb not null, "findings" jsonb not null, "updated_at" timestamptz not null, constraint "committee_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "personnel"."committee" add constraint "committee_platform_id_kind_unique" unique ("platform_id", "kind");`,
    );

    this.addSql(
      `create table "personnel"."committee_meeting" ("id" uuid not null, "committee_id" uuid not null, "held_on" date not null, "attendees" int not null, "minutes_ref" text not null, "recorded_by" text not null, "recorded_at" timestamptz not null, constraint "committee_meeting_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "committee_meeting_committee_id_index" on "personnel"."committee_meeting" ("committee_id");`,
    );

    this.addSql(
      `create table "personnel"."deadline" ("id" uuid not null, "kind" text not null, "subject_id" uuid not null, "center_id" uuid null, "start_on" date not null, "length" jsonb not null, "due_on" date not null, "provisional" boolean not null, "reminder_days_before" jsonb not null, "state" text not null default 'pending', "fired_at" timestamptz null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, constraint "deadline_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "deadline_state_due_on_index" on "personnel"."deadline" ("state", "due_on");`);

    this.addSql(
      `create table "personnel"."deadline_reminder" ("deadline_id" uuid not null, "days_before" int not null, "remind_on" date not null, "sent_at" timestamptz null, constraint "deadline_reminder_pkey" primary key ("deadline_id", "days_before"));`,
    );
    this.addSql(
      `create index "deadline_reminder_sent_at_remind_on_index" on "personnel"."deadline_reminder" ("sent_at", "remind_on");`,
    );

    this.addSql(
      `create table "personnel"."identity_read" ("id" uuid not null, "person_id" uuid not null, "person_name" text not null, "reader_user_id" text not null, "reader_name" text not null, "reader_org_id" uuid not null, "reason" text not null, "read_at" timestamptz not null, "correlation_id" text null, constraint "identity_read_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "identity_read_person_id_index" on "personnel"."identity_read" ("person_id");`);

    this.addSql(
      `create table "personnel"."inbox_entry" ("consumer" text not null, "event_id" uuid not null, "type" text not null, "processed_at" timestamptz not null, constraint "inbox_entry_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "personnel"."outbox_event" ("seq" bigserial primary key, "event_id" uuid not null, "type" text not null, "subject" uuid not null, "aggregate_version" int not null, "document" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "position" bigint null);`,
    );
    this.addSql(
      `alter table "personnel"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `alter table "personnel"."outbox_event" add constraint "outbox_event_position_unique" unique ("position");`,
    );
    this.addSql(
      `create index "outbox_event_published_at_seq_index" on "personnel"."outbox_event" ("published_at", "seq");`,
    );

    this.addSql(
      `create table "personnel"."parked_event" ("id" bigserial primary key, "consumer" text not null, "nats_subject" text not null, "stream_sequence" bigint not null, "payload" text not null, "errors" jsonb not null, "parked_at" timestamptz not null);`,
    );

    this.addSql(
      `create table "personnel"."person" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "name" text not null, "id_number_ciphertext" text not null, "id_number_key_id" text not null, "id_number_hash" text not null, "id_number_masked" text not null, "title" text null, "employer_org_id" uuid not null, "registered_by_org_id" uuid not null, "phone" text null, "email" text null, "updated_at" timestamptz not null, constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "personnel"."person" add constraint "person_id_number_hash_unique" unique ("id_number_hash");`,
    );
    this.addSql(`create index "person_employer_org_id_index" on "personnel"."person" ("employer_org_id");`);

    this.addSql(
      `create table "personnel"."platform" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "name" text not null, "kind" text not null, "status" text not null default 'active', "code" text null, "supporting_unit_id" uuid not null, "construction_unit_id" uuid null, "recommender_id" uuid null, "co_builder_ids" jsonb not null, "source" text not null, constraint "platform_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "platform_kind_index" on "personnel"."platform" ("kind");`);
    this.addSql(`create index "platform_supporting_unit_id_index" on "personnel"."platform" ("supporting_unit_id");`);
    this.addSql(
      `create index "platform_construction_unit_id_index" on "personnel"."platform" ("construction_unit_id");`,
    );
    this.addSql(`create index "platform_recommender_id_index" on "personnel"."platform" ("recommender_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personnel"."appointment" cascade;`);

    this.addSql(`drop table if exists "personnel"."calendar_year" cascade;`);

    this.addSql(`drop table if exists "personnel"."center_waiver" cascade;`);

    this.addSql(`drop table if exists "personnel"."committee" cascade;`);

    this.addSql(`drop table if exists "personnel"."committee_meeting" cascade;`);

    this.addSql(`drop table if exists "personnel"."deadline" cascade;`);

    this.addSql(`drop table if exists "personnel"."deadline_reminder" cascade;`);

    this.addSql(`drop table if exists "personnel"."identity_read" cascade;`);

    this.addSql(`drop table if exists "personnel"."inbox_entry" cascade;`);

    this.addSql(`drop table if exists "personnel"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "personnel"."parked_event" cascade;`);

    this.addSql(`drop table if exists "personnel"."person" cascade;`);

    this.addSql(`drop table if exists "personnel"."platform" cascade;`);

    this.addSql(`drop schema if exists "personnel";`);
  }
}
