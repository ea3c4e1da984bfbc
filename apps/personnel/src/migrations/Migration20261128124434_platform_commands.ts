import { Migration } from '@mikro-orm/migrations';

export class Migration20261128124434_platform_commands extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "personnel"."history_entry" ("id" uuid not null, "aggregate_type" text not null, "aggregate_id" uuid not null, "aggregate_version" int not null, "action" text not null, "from_status" text null, "to_status" text null, "actor_user_id" text null, "actor_name" text null, "findings" jsonb not null, "correlation_id" text null, "at" timestamptz not null, constraint "history_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "history_entry_aggregate_id_aggregate_version_index" on "personnel"."history_entry" ("aggregate_id", "aggregate_version");`);

    this.addSql(`create table "personnel"."idempotency_record" ("caller_id" text not null, "key" text not null, "operation" text not null, "fingerprint" text not null, "result" jsonb null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("caller_id", "key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personnel"."history_entry" cascade;`);

    this.addSql(`drop table if exists "personnel"."idempotency_record" cascade;`);
  }

}
