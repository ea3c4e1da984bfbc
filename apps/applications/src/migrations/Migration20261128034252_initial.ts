import { Migration } from '@mikro-orm/migrations';

export class Migration20261128034252_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "applications";`);
    this.addSql(
      `create table "applications"."application" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "status" text not null default 'draft', "call_id" uuid not null, "construction_unit_id" uuid not null, "supporting_unit_id" uuid not null, "co_builder_ids" jsonb not null, "recommender_id" uuid not null, "region_code" text not null, "field_zh" text not null, "field_en" text not null, "area_m2" double precision not null, "equipment_value_cny" double precision not null, "technical_leaders" int not null, "full_time_staff" int not null, "achievements" jsonb not null, "cooperation" jsonb not null, "requested_track" text not null, "track" text null, "waivers" jsonb not null, "center_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "application_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "application_call_id_index" on "applications"."application" ("call_id");`);
    this.addSql(
      `create index "application_construction_unit_id_index" on "applications"."application" ("construction_unit_id");`,
    );
    this.addSql(
      `create index "application_supporting_unit_id_index" on "applications"."application" ("supporting_unit_id");`,
    );
    this.addSql(`create index "application_recommender_id_index" on "applications"."application" ("recommender_id");`);
    this.addSql(`create index "application_status_index" on "applications"."application" ("status");`);

    this.addSql(
      `create table "applications"."application_history" ("seq" bigserial primary key, "application_id" uuid not null, "at" timestamptz not null, "actor_id" text not null, "actor_name" text not null, "role" text not null, "action" text not null, "from_status" text not null, "to_status" text not null, "comment" text null, "article" text not null);`,
    );
    this.addSql(
      `create index "application_history_application_id_seq_index" on "applications"."application_history" ("application_id", "seq");`,
    );

    this.addSql(
      `create table "applications"."calendar_year" ("year" int not null, "holidays" jsonb not null, "workdays" jsonb not null, "loaded_at" timestamptz not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "applications"."call" ("id" uuid not null, "year" int not null, "title" text not null, "opens_on" text not null, "closes_on" text not null, "version" int not null default 1, "created_at" timestamptz not null, constraint "call_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "call_year_index" on "applications"."call" ("year");`);

    this.addSql(
      `create table "applications"."center" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "name_zh" text not null, "name_en" text not null, "field_zh" text not null, "field_en" text not null, "status" text not null, "track" text not null, "application_id" uuid not null, "supporting_unit_id" uuid not null, "co_builder_ids" jsonb not null, "construction_unit_id" uuid not null, "recommender_id" uuid not null, "region_code" text not null, "established_on" text not null, "preparation_ends_on" text null, "preparation_ends_on_provisional" boolean null, "filed_on" text null, "created_at" timestamptz not null, constraint "center_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "center_status_index" on "applications"."center" ("status");`);
    this.addSql(
      `alter table "applications"."center" add constraint "center_application_id_unique" unique ("application_id");`,
    );
    this.addSql(`create index "center_supporting_unit_id_index" on "applications"."center" ("supporting_unit_id");`);
    this.addSql(`create index "center_recommender_id_index" on "applications"."center" ("recommender_id");`);

    this.addSql(
      `create table "applications"."deadline" ("id" uuid not null, "kind" text not null, "subject_id" uuid not null, "center_id" uuid null, "start_on" date not null, "length" jsonb not null, "due_on" date not null, "provisional" boolean not null, "reminder_days_before" jsonb not null, "state" text not null default 'pending', "fired_at" timestamptz null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, constraint "deadline_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "deadline_state_due_on_index" on "applications"."deadline" ("state", "due_on");`);

    this.addSql(
      `create table "applications"."deadline_reminder" ("deadline_id" uuid not null, "days_before" int not null, "remind_on" date not null, "sent_at" timestamptz null, constraint "deadline_reminder_pkey" primary key ("deadline_id", "days_before"));`,
    );
    this.addSql(
      `create index "deadline_reminder_sent_at_remind_on_index" on "applications"."deadline_reminder" ("sent_at", "remind_on");`,
    );

    this.addSql(
      `create table "applications"."expert" ("id" uuid not null, "user_id" text not null, "name" text not null, "org_id" uuid not null, "fields" jsonb not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "expert_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "applications"."expert" add constraint "expert_user_id_unique" unique ("user_id");`);

    this.addSql(
      `create table "applications"."inbox_entry" ("consumer" text not null, "event_id" uuid not null, "type" text not null, "processed_at" timestamptz not null, constraint "inbox_entry_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "applications"."notice" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "title" text not null, "starts_on" text not null, "ends_on" text not null, "ends_on_provisional" boolean not null, "working_days" int not null, "status" text not null default 'open', "deadline_id" uuid not null, "created_at" timestamptz not null, constraint "notice_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "notice_status_index" on "applications"."notice" ("status");`);

    this.addSql(
      `create table "applications"."notice_entry" ("notice_id" uuid not null, "application_id" uuid not null, constraint "notice_entry_pkey" primary key ("notice_id", "application_id"));`,
    );

    this.addSql(
      `create table "applications"."objection" ("id" uuid not null, "notice_id" uuid not null, "application_id" uuid not null, "objector_name" text null, "objector_unit" text null, "contact" text null, "grounds" text not null, "status" text not null, "filed_at" timestamptz not null, "decision_comment" text null, "decided_by" text null, "decided_at" timestamptz null, constraint "objection_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "objection_notice_id_index" on "applications"."objection" ("notice_id");`);
    this.addSql(
      `create index "objection_application_id_status_index" on "applications"."objection" ("application_id", "status");`,
    );

    this.addSql(
      `create table "applications"."organization" ("id" uuid not null, "name" text not null, "uscc" text null, "kind" text not null, "legal_person" boolean not null, "region_code" text null, "parent_id" uuid null, "recommender_id" uuid null, "is_recommender" boolean not null, "jurisdiction" text null, "version" int not null default 1, "created_at" timestamptz not null, constraint "organization_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "applications"."organization" add constraint "organization_uscc_unique" unique ("uscc");`);
    this.addSql(
      `create index "organization_recommender_id_index" on "applications"."organization" ("recommender_id");`,
    );

    this.addSql(
      `create table "applications"."outbox_event" ("seq" bigserial primary key, "event_id" uuid not null, "type" text not null, "subject" uuid not null, "aggregate_version" int not null, "document" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "position" bigint null);`,
    );
    this.addSql(
      `alter table "applications"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `alter table "applications"."outbox_event" add constraint "outbox_event_position_unique" unique ("position");`,
    );
    this.addSql(
      `create index "outbox_event_published_at_seq_index" on "applications"."outbox_event" ("published_at", "seq");`,
    );

    this.addSql(
      `create table "applications"."parked_event" ("id" bigserial primary key, "consumer" text not null, "nats_subject" text not null, "stream_sequence" bigint not null, "payload" text not null, "errors" jsonb not null, "parked_at" timestamptz not null);`,
    );

    this.addSql(
      `create table "applications"."review_assignment" ("application_id" uuid not null, "expert_id" uuid not null, "rank" int not null, "role" text not null, "status" text not null, "score" double precision null, "opinion" text null, "scored_at" timestamptz null, "recusal_reason" text null, constraint "review_assignment_pkey" primary key ("application_id", "expert_id"));`,
    );
    this.addSql(
      `create index "review_assignment_application_id_rank_index" on "applications"."review_assignment" ("application_id", "rank");`,
    );

    this.addSql(
      `create table "applications"."review_draw" ("application_id" uuid not null, "seed" text not null, "reviewers" int not null, "reserves" int not null, "pool" jsonb not null, "drawn_by" text not null, "drawn_at" timestamptz not null, constraint "review_draw_pkey" primary key ("application_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "applications"."application" cascade;`);

    this.addSql(`drop table if exists "applications"."application_history" cascade;`);

    this.addSql(`drop table if exists "applications"."calendar_year" cascade;`);

    this.addSql(`drop table if exists "applications"."call" cascade;`);

    this.addSql(`drop table if exists "applications"."center" cascade;`);

    this.addSql(`drop table if exists "applications"."deadline" cascade;`);

    this.addSql(`drop table if exists "applications"."deadline_reminder" cascade;`);

    this.addSql(`drop table if exists "applications"."expert" cascade;`);

    this.addSql(`drop table if exists "applications"."inbox_entry" cascade;`);

    this.addSql(`drop table if exists "applications"."notice" cascade;`);

    this.addSql(`drop table if exists "applications"."notice_entry" cascade;`);

    this.addSql(`drop table if exists "applications"."objection" cascade;`);

    this.addSql(`drop table if exists "applications"."organization" cascade;`);

    this.addSql(`drop table if exists "applications"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "applications"."parked_event" cascade;`);

    this.addSql(`drop table if exists "applications"."review_assignment" cascade;`);

    this.addSql(`drop table if exists "applications"."review_draw" cascade;`);

    this.addSql(`drop schema if exists "applications";`);
  }
}
