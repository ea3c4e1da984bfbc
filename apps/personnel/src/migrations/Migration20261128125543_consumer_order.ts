import { Migration } from '@mikro-orm/migrations';

export class Migration20261128125543_consumer_order extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "personnel"."consumer_position" ("consumer" text not null, "aggregate_id" text not null, "version" int not null, "updated_at" timestamptz not null, constraint "consumer_position_pkey" primary key ("consumer", "aggregate_id"));`);

    this.addSql(`create table "personnel"."event_failure" ("consumer" text not null, "event_id" text not null, "failures" int not null, "last_error" text not null, "last_failed_at" timestamptz not null, constraint "event_failure_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`alter table "personnel"."parked_event" add column "reason" text not null, add column "event_id" text null, add column "aggregate_id" text null, add column "aggregate_version" int null, add column "replayed_at" timestamptz null, add column "replay_attempts" int not null default 0;`);
    this.addSql(`create index "parked_event_consumer_aggregate_id_aggregate_version_index" on "personnel"."parked_event" ("consumer", "aggregate_id", "aggregate_version");`);
    this.addSql(`alter table "personnel"."parked_event" add constraint "parked_event_consumer_event_id_unique" unique ("consumer", "event_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personnel"."consumer_position" cascade;`);

    this.addSql(`drop table if exists "personnel"."event_failure" cascade;`);

    this.addSql(`drop index "personnel"."parked_event_consumer_aggregate_id_aggregate_version_index";`);
    this.addSql(`alter table "personnel"."parked_event" drop constraint "parked_event_consumer_event_id_unique";`);
    this.addSql(`alter table "personnel"."parked_event" drop column "reason", drop column "event_id", drop column "aggregate_id", drop column "aggregate_version", drop column "replayed_at", drop column "replay_attempts";`);
  }

}
