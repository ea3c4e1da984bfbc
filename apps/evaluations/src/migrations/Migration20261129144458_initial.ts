import { Migration } from '@mikro-orm/migrations';

export class Migration20261129144458_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "evaluations";`);
    this.addSql(
      `create table "evaluations"."calendar_year" ("year" int not null, "holidays" jsonb not null, "workdays" jsonb not null, "loaded_at" timestamptz not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "evaluations"."consumer_position" ("consumer" text not null, "aggregate_id" text not null, "version" int not null, "updated_at" timestamptz not null, constraint "consumer_position_pkey" primary key ("consumer", "aggregate_id"));`,
    );

    this.addSql(
      `create table "evaluations"."deadline" ("id" uuid not null, "kind" text not null, "subject_id" uuid not null, "center_id" uuid null, "start_on" date not null, "length" jsonb not null, "due_on" date not null, "provisional" boolean not null, "reminder_days_before" jsonb not null, "state" text not null default 'pending', "fired_at" timestamptz null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, constraint "deadline_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "deadline_state_due_on_index" on "evaluations"."deadline" ("state", "due_on");`);

    this.addSql(
      `create table "evaluations"."deadline_reminder" ("deadline_id" uuid not null, "days_before" int not null, "remind_on" date not null, "sent_at" timestamptz null, constraint "deadline_reminder_pkey" primary key ("deadline_id", "days_before"));`,
    );
    this.addSql(
      `create index "deadline_reminder_sent_at_remind_on_index" on "evaluations"."deadline_reminder" ("sent_at", "remind_on");`,
    );

    this.addSql(
      `create table "evaluations"."center_directory" ("id" uuid not null, "name_zh" text not null, "name_en" text not null, "field_zh" text not null, "field_en" text not null, "status" text not null, "track" text not null, "supporting_unit_id" uuid not null, "construction_unit_id" uuid not null, "recommender_id" uuid not null, "co_builder_ids" jsonb not null, "region_code" text null, "established_on" date not null, "preparation_ends_on" date null, "closed_on" date null, "updated_at" timestamptz not null, constraint "center_directory_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "center_directory_status_index" on "evaluations"."center_directory" ("status");`);
    this.addSql(
      `create index "center_directory_supporting_unit_id_index" on "evaluations"."center_directory" ("supporting_unit_id");`,
    );
    this.addSql(
      `create index "center_directory_construction_unit_id_index" on "evaluations"."center_directory" ("construction_unit_id");`,
    );
    this.addSql(
      `create index "center_directory_recommender_id_index" on "evaluations"."center_directory" ("recommender_id");`,
    );
    this.addSql(
      `create index "center_directory_region_code_index" on "evaluations"."center_directory" ("region_code");`,
    );

    this.addSql(
      `create table "evaluations"."event_failure" ("consumer" text not null, "event_id" text not null, "failures" int not null, "last_error" text not null, "last_failed_at" timestamptz not null, constraint "event_failure_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "evaluations"."history_entry" ("id" uuid not null, "aggregate_type" text not null, "aggregate_id" uuid not null, "aggregate_version" int not null, "action" text not null, "from_status" text null, "to_status" text null, "actor_user_id" text null, "actor_name" text null, "actor_role" text null, "comment" text null, "article" text null, "findings" jsonb not null, "correlation_id" text null, "at" timestamptz not null, constraint "history_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "history_entry_aggregate_id_aggregate_version_index" on "evaluations"."history_entry" ("aggregate_id", "aggregate_version");`,
    );

    this.addSql(
      `create table "evaluations"."idempotency_record" ("caller_id" text not null, "key" text not null, "operation" text not null, "fingerprint" text not null, "result" jsonb null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("caller_id", "key"));`,
    );
    this.addSql(
      `create index "idempotency_record_created_at_index" on "evaluations"."idempotency_record" ("created_at");`,
    );

    this.addSql(
      `create table "evaluations"."inbox_entry" ("consumer" text not null, "event_id" uuid not null, "type" text not null, "processed_at" timestamptz not null, constraint "inbox_entry_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "evaluations"."outbox_event" ("seq" bigserial primary key, "event_id" uuid not null, "type" text not null, "subject" uuid not null, "aggregate_version" int not null, "document" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "position" bigint null, "stream_seq" bigint null, "attempts" int not null default 0, "last_error" text null, "failed_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "evaluations"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `alter table "evaluations"."outbox_event" add constraint "outbox_event_position_unique" unique ("position");`,
    );
    this.addSql(
      `create index "outbox_event_failed_idx" on "evaluations"."outbox_event" ("subject", "seq") where "failed_at" is not null and "published_at" is null;`,
    );
    this.addSql(`create index "outbox_event_stream_seq_index" on "evaluations"."outbox_event" ("stream_seq");`);
    this.addSql(
      `create index "outbox_event_published_at_seq_index" on "evaluations"."outbox_event" ("published_at", "seq");`,
    );

    this.addSql(
      `create table "evaluations"."parked_event" ("id" bigserial primary key, "consumer" text not null, "reason" text not null, "event_id" text null, "aggregate_id" text null, "aggregate_version" int null, "nats_subject" text not null, "stream_sequence" bigint not null, "payload" text not null, "errors" jsonb not null, "parked_at" timestamptz not null, "replayed_at" timestamptz null, "replay_attempts" int not null default 0);`,
    );
    this.addSql(
      `create index "parked_event_consumer_aggregate_id_aggregate_version_index" on "evaluations"."parked_event" ("consumer", "aggregate_id", "aggregate_version");`,
    );
    this.addSql(
      `alter table "evaluations"."parked_event" add constraint "parked_event_consumer_event_id_unique" unique ("consumer", "event_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluations"."calendar_year" cascade;`);

    this.addSql(`drop table if exists "evaluations"."consumer_position" cascade;`);

    this.addSql(`drop table if exists "evaluations"."deadline" cascade;`);

    this.addSql(`drop table if exists "evaluations"."deadline_reminder" cascade;`);

    this.addSql(`drop table if exists "evaluations"."center_directory" cascade;`);

    this.addSql(`drop table if exists "evaluations"."event_failure" cascade;`);

    this.addSql(`drop table if exists "evaluations"."history_entry" cascade;`);

    this.addSql(`drop table if exists "evaluations"."idempotency_record" cascade;`);

    this.addSql(`drop table if exists "evaluations"."inbox_entry" cascade;`);

    this.addSql(`drop table if exists "evaluations"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "evaluations"."parked_event" cascade;`);

    this.addSql(`drop schema if exists "evaluations";`);
  }
}
