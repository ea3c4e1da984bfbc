import { Migration } from '@mikro-orm/migrations';

export class Migration20261129181332_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "notifications";`);
    this.addSql(
      `create table "notifications"."consumer_position" ("consumer" text not null, "aggregate_id" text not null, "version" int not null, "updated_at" timestamptz not null, constraint "consumer_position_pkey" primary key ("consumer", "aggregate_id"));`,
    );

    this.addSql(
      `create table "notifications"."center_directory" ("id" uuid not null, "name_zh" text not null, "name_en" text not null, "field_zh" text not null, "field_en" text not null, "status" text not null, "track" text not null, "supporting_unit_id" uuid not null, "construction_unit_id" uuid not null, "recommender_id" uuid not null, "co_builder_ids" jsonb not null, "region_code" text null, "established_on" date not null, "preparation_ends_on" date null, "closed_on" date null, "updated_at" timestamptz not null, constraint "center_directory_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "center_directory_status_index" on "notifications"."center_directory" ("status");`);
    this.addSql(
      `create index "center_directory_supporting_unit_id_index" on "notifications"."center_directory" ("supporting_unit_id");`,
    );
    this.addSql(
      `create index "center_directory_construction_unit_id_index" on "notifications"."center_directory" ("construction_unit_id");`,
    );
    this.addSql(
      `create index "center_directory_recommender_id_index" on "notifications"."center_directory" ("recommender_id");`,
    );
    this.addSql(
      `create index "center_directory_region_code_index" on "notifications"."center_directory" ("region_code");`,
    );

    this.addSql(
      `create table "notifications"."event_failure" ("consumer" text not null, "event_id" text not null, "failures" int not null, "last_error" text not null, "last_failed_at" timestamptz not null, constraint "event_failure_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "notifications"."feed_event" ("position" bigserial primary key, "event_id" uuid not null, "type" text not null, "center_id" uuid null, "city_code" text null, "application_status" text null, "document" jsonb not null, "recorded_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "notifications"."feed_event" add constraint "feed_event_event_id_unique" unique ("event_id");`,
    );
    this.addSql(`create index "feed_event_type_position_index" on "notifications"."feed_event" ("type", "position");`);
    this.addSql(
      `create index "feed_event_center_id_position_index" on "notifications"."feed_event" ("center_id", "position");`,
    );

    this.addSql(
      `create table "notifications"."feed_reaction_failure" ("id" bigserial primary key, "listener" text not null, "first_position" bigint not null, "last_position" bigint not null, "error" text not null, "failed_at" timestamptz not null);`,
    );

    this.addSql(
      `create table "notifications"."history_entry" ("id" uuid not null, "aggregate_type" text not null, "aggregate_id" uuid not null, "aggregate_version" int not null, "action" text not null, "from_status" text null, "to_status" text null, "actor_user_id" text null, "actor_name" text null, "actor_role" text null, "comment" text null, "article" text null, "findings" jsonb not null, "correlation_id" text null, "at" timestamptz not null, constraint "history_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "history_entry_aggregate_id_aggregate_version_index" on "notifications"."history_entry" ("aggregate_id", "aggregate_version");`,
    );

    this.addSql(
      `create table "notifications"."idempotency_record" ("caller_id" text not null, "key" text not null, "operation" text not null, "fingerprint" text not null, "result" jsonb null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("caller_id", "key"));`,
    );
    this.addSql(
      `create index "idempotency_record_created_at_index" on "notifications"."idempotency_record" ("created_at");`,
    );

    this.addSql(
      `create table "notifications"."inbox_entry" ("consumer" text not null, "event_id" uuid not null, "type" text not null, "processed_at" timestamptz not null, constraint "inbox_entry_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "notifications"."outbox_event" ("seq" bigserial primary key, "event_id" uuid not null, "type" text not null, "subject" uuid not null, "aggregate_version" int not null, "document" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "position" bigint null, "stream_seq" bigint null, "attempts" int not null default 0, "last_error" text null, "failed_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "notifications"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `alter table "notifications"."outbox_event" add constraint "outbox_event_position_unique" unique ("position");`,
    );
    this.addSql(
      `create index "outbox_event_failed_idx" on "notifications"."outbox_event" ("subject", "seq") where "failed_at" is not null and "published_at" is null;`,
    );
    this.addSql(`create index "outbox_event_stream_seq_index" on "notifications"."outbox_event" ("stream_seq");`);
    this.addSql(
      `create index "outbox_event_published_at_seq_index" on "notifications"."outbox_event" ("published_at", "seq");`,
    );

    this.addSql(
      `create table "notifications"."parked_event" ("id" bigserial primary key, "consumer" text not null, "reason" text not null, "event_id" text null, "aggregate_id" text null, "aggregate_version" int null, "nats_subject" text not null, "stream_sequence" bigint not null, "payload" text not null, "errors" jsonb not null, "parked_at" timestamptz not null, "replayed_at" timestamptz null, "replay_attempts" int not null default 0);`,
    );
    this.addSql(
      `create index "parked_event_consumer_aggregate_id_aggregate_version_index" on "notifications"."parked_event" ("consumer", "aggregate_id", "aggregate_version");`,
    );
    this.addSql(
      `alter table "notifications"."parked_event" add constraint "parked_event_consumer_event_id_unique" unique ("consumer", "event_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."consumer_position" cascade;`);

    this.addSql(`drop table if exists "notifications"."center_directory" cascade;`);

    this.addSql(`drop table if exists "notifications"."event_failure" cascade;`);

    this.addSql(`drop table if exists "notifications"."feed_event" cascade;`);

    this.addSql(`drop table if exists "notifications"."feed_reaction_failure" cascade;`);

    this.addSql(`drop table if exists "notifications"."history_entry" cascade;`);

    this.addSql(`drop table if exists "notifications"."idempotency_record" cascade;`);

    this.addSql(`drop table if exists "notifications"."inbox_entry" cascade;`);

    this.addSql(`drop table if exists "notifications"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "notifications"."parked_event" cascade;`);

    this.addSql(`drop schema if exists "notifications";`);
  }
}
