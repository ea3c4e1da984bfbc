import { Migration } from '@mikro-orm/migrations';

export class Migration20261128135111_service_kit_and_spine extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "personnel"."consumer_position" ("consumer" text not null, "aggregate_id" text not null, "version" int not null, "updated_at" timestamptz not null, constraint "consumer_position_pkey" primary key ("consumer", "aggregate_id"));`,
    );

    this.addSql(
      `create table "personnel"."event_failure" ("consumer" text not null, "event_id" text not null, "failures" int not null, "last_error" text not null, "last_failed_at" timestamptz not null, constraint "event_failure_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "personnel"."history_entry" ("id" uuid not null, "aggregate_type" text not null, "aggregate_id" uuid not null, "aggregate_version" int not null, "action" text not null, "from_status" text null, "to_status" text null, "actor_user_id" text null, "actor_name" text null, "findings" jsonb not null, "correlation_id" text null, "at" timestamptz not null, constraint "history_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "history_entry_aggregate_id_aggregate_version_index" on "personnel"."history_entry" ("aggregate_id", "aggregate_version");`,
    );

    this.addSql(
      `create table "personnel"."idempotency_record" ("caller_id" text not null, "key" text not null, "operation" text not null, "fingerprint" text not null, "result" jsonb null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("caller_id", "key"));`,
    );

    this.addSql(`alter table "personnel"."deadline" add column "event_version" int not null default 0;`);

    this.addSql(
      `alter table "personnel"."outbox_event" add column "stream_seq" bigint null, add column "attempts" int not null default 0, add column "last_error" text null, add column "failed_at" timestamptz null;`,
    );
    this.addSql(
      `create index "outbox_event_failed_idx" on "personnel"."outbox_event" ("subject", "seq") where "failed_at" is not null and "published_at" is null;`,
    );
    this.addSql(`create index "outbox_event_stream_seq_index" on "personnel"."outbox_event" ("stream_seq");`);

    this.addSql(
      `alter table "personnel"."parked_event" add column "reason" text not null default 'failed', add column "event_id" text null, add column "aggregate_id" text null, add column "aggregate_version" int null, add column "replayed_at" timestamptz null, add column "replay_attempts" int not null default 0;`,
    );
    // Events parked before reasons were kept all failed in a handler; new rows always name theirs.
    this.addSql(`alter table "personnel"."parked_event" alter column "reason" drop default;`);
    this.addSql(
      `create index "parked_event_consumer_aggregate_id_aggregate_version_index" on "personnel"."parked_event" ("consumer", "aggregate_id", "aggregate_version");`,
    );
    this.addSql(
      `alter table "personnel"."parked_event" add constraint "parked_event_consumer_event_id_unique" unique ("consumer", "event_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personnel"."consumer_position" cascade;`);

    this.addSql(`drop table if exists "personnel"."event_failure" cascade;`);

    this.addSql(`drop table if exists "personnel"."history_entry" cascade;`);

    this.addSql(`drop table if exists "personnel"."idempotency_record" cascade;`);

    this.addSql(`alter table "personnel"."deadline" drop column "event_version";`);

    this.addSql(`drop index "personnel"."outbox_event_failed_idx";`);
    this.addSql(`drop index "personnel"."outbox_event_stream_seq_index";`);
    this.addSql(
      `alter table "personnel"."outbox_event" drop column "stream_seq", drop column "attempts", drop column "last_error", drop column "failed_at";`,
    );

    this.addSql(`drop index "personnel"."parked_event_consumer_aggregate_id_aggregate_version_index";`);
    this.addSql(`alter table "personnel"."parked_event" drop constraint "parked_event_consumer_event_id_unique";`);
    this.addSql(
      `alter table "personnel"."parked_event" drop column "reason", drop column "event_id", drop column "aggregate_id", drop column "aggregate_version", drop column "replayed_at", drop column "replay_attempts";`,
    );
  }
}
